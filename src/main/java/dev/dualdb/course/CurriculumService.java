package dev.dualdb.course;

import java.util.Collection;
import java.util.List;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.dualdb.course.internal.CourseRepository;
import dev.dualdb.media.MediaService;
import dev.dualdb.postgres.PostgresUnavailable;
import dev.dualdb.system.Step;
import dev.dualdb.system.Steps;

/**
 * The sections and lessons of a course. Each edit is one conditional write of the course
 * document (see {@link CourseRepository#editSections}); deleting lessons then deletes
 * their media rows, in that order, so a crash in between leaves orphan rows for the
 * reconciler, never a lesson whose media is gone.
 */
@Service
public class CurriculumService {

    private static final Logger log = LoggerFactory.getLogger(CurriculumService.class);

    private final CourseRepository courses;

    private final MediaService media;

    private final Steps steps;

    CurriculumService(CourseRepository courses, MediaService media, Steps steps) {
        this.courses = courses;
        this.media = media;
        this.steps = steps;
    }

    public Section addSection(ObjectId courseId, NewSection section) {
        return this.courses.editSections(courseId, (curriculum) -> curriculum.addSection(section));
    }

    public Section renameSection(ObjectId courseId, ObjectId sectionId, String title) {
        return this.courses.editSections(courseId, (curriculum) -> curriculum.renameSection(sectionId, title));
    }

    public List<Section> reorderSections(ObjectId courseId, List<String> sectionIds) {
        return this.courses.editSections(courseId, (curriculum) -> curriculum.reorderSections(sectionIds));
    }

    /**
     * Deletes a section with its lessons, then their videos and resources.
     * @param courseId the course
     * @param sectionId the section to delete
     */
    public void deleteSection(ObjectId courseId, ObjectId sectionId) {
        List<ObjectId> lessonIds = this.courses.editSections(courseId,
                (curriculum) -> curriculum.removeSection(sectionId));
        deleteLessonMedia(courseId, lessonIds);
    }

    public Lesson addLesson(ObjectId courseId, ObjectId sectionId, NewLesson lesson) {
        return this.courses.editSections(courseId, (curriculum) -> curriculum.addLesson(sectionId, lesson));
    }

    public Lesson updateLesson(ObjectId courseId, ObjectId lessonId, LessonChanges changes) {
        return this.courses.editSections(courseId, (curriculum) -> curriculum.updateLesson(lessonId, changes));
    }

    public Section reorderLessons(ObjectId courseId, ObjectId sectionId, List<String> lessonIds) {
        return this.courses.editSections(courseId, (curriculum) -> curriculum.reorderLessons(sectionId, lessonIds));
    }

    /**
     * Deletes a lesson, then its videos and resources.
     * @param courseId the course
     * @param lessonId the lesson to delete
     */
    public void deleteLesson(ObjectId courseId, ObjectId lessonId) {
        ObjectId removed = this.courses.editSections(courseId, (curriculum) -> curriculum.removeLesson(lessonId));
        deleteLessonMedia(courseId, List.of(removed));
    }

    private void deleteLessonMedia(ObjectId courseId, Collection<ObjectId> lessonIds) {
        this.steps.reached(Step.LESSON_DOCUMENT_UPDATED);
        try {
            this.media.deleteLessonMedia(lessonIds);
        }
        catch (PostgresUnavailable ex) {
            log.warn("Lessons {} of course {} deleted; their media rows are left for the reconciler: {}", lessonIds,
                    courseId, ex.getMessage());
        }
    }

}
