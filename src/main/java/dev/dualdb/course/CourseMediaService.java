package dev.dualdb.course;

import java.util.UUID;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

import dev.dualdb.course.internal.CourseNotFound;
import dev.dualdb.course.internal.CourseRepository;
import dev.dualdb.course.internal.LessonNotFound;
import dev.dualdb.media.AccessCount;
import dev.dualdb.media.CourseResource;
import dev.dualdb.media.CourseResourceService;
import dev.dualdb.media.CourseVideo;
import dev.dualdb.media.CourseVideoService;
import dev.dualdb.media.MediaKind;
import dev.dualdb.media.MediaService;
import dev.dualdb.media.NewCourseResource;
import dev.dualdb.media.NewCourseVideo;
import dev.dualdb.media.UploadedFile;

/**
 * The videos and resources of a course: the course (and lesson) is checked in MongoDB,
 * then the row is written in PostgreSQL. A lesson deleted between the two steps leaves an
 * orphan row, which no reader reaches and the reconciler removes.
 */
@Service
public class CourseMediaService {

    private final CourseRepository courses;

    private final MediaService media;

    private final CourseVideoService videos;

    private final CourseResourceService resources;

    CourseMediaService(CourseRepository courses, MediaService media, CourseVideoService videos,
            CourseResourceService resources) {
        this.courses = courses;
        this.media = media;
        this.videos = videos;
        this.resources = resources;
    }

    /**
     * Records a video of the course, or of one of its lessons when
     * {@code video.lessonId()} is given.
     * @param courseId the course
     * @param video the video to record, given by its link
     * @return the recorded video
     * @throws CourseNotFound if there is no such course
     * @throws LessonNotFound if a lesson is named and the course has no such lesson
     */
    public CourseVideo saveCourseVideo(ObjectId courseId, NewCourseVideo video) {
        if (video.lessonId() == null) {
            requireCourse(courseId);
        }
        else {
            requireLesson(courseId, new ObjectId(video.lessonId()));
        }
        return this.videos.saveCourseVideo(courseId, video);
    }

    /**
     * Checks, before an upload's bytes are read, that the course (and the lesson, if
     * given) exists.
     * @param courseId the course
     * @param lessonId the lesson, or {@code null} for a course-level video
     * @throws CourseNotFound if there is no such course
     * @throws LessonNotFound if a lesson is named and the course has no such lesson
     */
    public void checkVideoOwner(ObjectId courseId, ObjectId lessonId) {
        if (lessonId == null) {
            requireCourse(courseId);
        }
        else {
            requireLesson(courseId, lessonId);
        }
    }

    /**
     * Records an uploaded video (already in the blob store); the owner is checked again,
     * after the upload.
     * @param courseId the course
     * @param lessonId the lesson, or {@code null} for a course-level video
     * @param title the title shown to students
     * @param isPreview whether the video may be watched without enrolling
     * @param file the uploaded video, already checked and stored
     * @return the recorded video
     */
    public CourseVideo saveUploadedCourseVideo(ObjectId courseId, ObjectId lessonId, String title, boolean isPreview,
            UploadedFile file) {
        checkVideoOwner(courseId, lessonId);
        return this.videos.saveUploadedCourseVideo(courseId, (lessonId != null) ? lessonId.toHexString() : null, title,
                isPreview, file);
    }

    /**
     * Checks, before an upload's bytes are read, that the lesson exists in the course.
     * @param courseId the course
     * @param lessonId the lesson
     * @throws LessonNotFound if the course has no such lesson (or {@link CourseNotFound}
     * if there is no such course)
     */
    public void checkResourceOwner(ObjectId courseId, ObjectId lessonId) {
        requireLesson(courseId, lessonId);
    }

    /**
     * Records an uploaded resource (already in the blob store); the lesson is checked
     * again, after the upload.
     * @param courseId the course
     * @param lessonId the lesson
     * @param resourceName the name shown to students
     * @param file the uploaded resource, already checked and stored
     * @return the recorded resource
     */
    public CourseResource saveUploadedCourseResource(ObjectId courseId, ObjectId lessonId, String resourceName,
            UploadedFile file) {
        requireLesson(courseId, lessonId);
        return this.resources.saveUploadedCourseResource(courseId, lessonId, resourceName, file);
    }

    public void deleteCourseVideo(ObjectId courseId, UUID videoId) {
        requireCourse(courseId);
        this.media.deleteMedia(MediaKind.COURSE_VIDEO, courseId, videoId);
    }

    /**
     * Counts one view of a video of this course.
     * @param courseId the course
     * @param videoId the video
     * @return the video's count after this view
     */
    public AccessCount countVideoView(ObjectId courseId, UUID videoId) {
        requireCourse(courseId);
        return this.media.updateMediaAccessCount(MediaKind.COURSE_VIDEO, courseId, videoId);
    }

    /**
     * Records a resource of one lesson of the course.
     * @param courseId the course
     * @param lessonId the lesson
     * @param resource the resource to record, given by its URL
     * @return the recorded resource
     */
    public CourseResource saveCourseResource(ObjectId courseId, ObjectId lessonId, NewCourseResource resource) {
        requireLesson(courseId, lessonId);
        return this.resources.saveCourseResource(courseId, lessonId, resource);
    }

    public void deleteCourseResource(ObjectId courseId, UUID resourceId) {
        requireCourse(courseId);
        this.media.deleteMedia(MediaKind.COURSE_RESOURCE, courseId, resourceId);
    }

    /**
     * Counts one access (a download, an opening) of a resource of this course.
     * @param courseId the course
     * @param resourceId the resource
     * @return the resource's count after this access
     */
    public AccessCount countResourceAccess(ObjectId courseId, UUID resourceId) {
        requireCourse(courseId);
        return this.media.updateMediaAccessCount(MediaKind.COURSE_RESOURCE, courseId, resourceId);
    }

    private void requireCourse(ObjectId courseId) {
        if (!this.courses.exists(courseId)) {
            throw new CourseNotFound(courseId);
        }
    }

    private void requireLesson(ObjectId courseId, ObjectId lessonId) {
        if (!this.courses.hasLesson(courseId, lessonId)) {
            requireCourse(courseId);
            throw new LessonNotFound(courseId, lessonId);
        }
    }

}
