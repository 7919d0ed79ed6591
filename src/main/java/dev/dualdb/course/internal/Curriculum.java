package dev.dualdb.course.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.types.ObjectId;

import dev.dualdb.course.Lesson;
import dev.dualdb.course.LessonChanges;
import dev.dualdb.course.NewLesson;
import dev.dualdb.course.NewSection;
import dev.dualdb.course.Section;

/**
 * The sections and lessons of one course as the raw sub-documents read from MongoDB, with
 * the edits the routes make. Sub-documents are changed in place, never rebuilt from
 * records, so fields this service does not know (written by another application) survive
 * every edit. Ids are given once and never changed.
 */
public final class Curriculum {

    /**
     * Counts a client can rely on; the size in bytes is checked separately
     * ({@link DocumentSizeLimit}).
     */
    static final int MAX_SECTIONS = 100;
    static final int MAX_LESSONS_PER_SECTION = 200;

    private final ObjectId courseId;

    private final List<Document> sections;

    Curriculum(ObjectId courseId, List<Document> sections) {
        this.courseId = courseId;
        this.sections = sections;
    }

    /**
     * The sub-documents to write back.
     * @return the section sub-documents, edits included
     */
    List<Document> documents() {
        return this.sections;
    }

    /**
     * Checks the outline of a course about to be created.
     * @param sections the sections of the new course, with their lessons
     * @throws CurriculumTooLarge if there are too many sections, or too many lessons in
     * one
     */
    static void checkSize(List<NewSection> sections) {
        if (sections.size() > MAX_SECTIONS) {
            throw new CurriculumTooLarge("A course can have at most " + MAX_SECTIONS + " sections");
        }
        for (NewSection section : sections) {
            if (section.lessons() != null && section.lessons().size() > MAX_LESSONS_PER_SECTION) {
                throw new CurriculumTooLarge("A section can have at most " + MAX_LESSONS_PER_SECTION + " lessons");
            }
        }
    }

    public Section addSection(NewSection section) {
        checkSize(List.of(section));
        if (this.sections.size() >= MAX_SECTIONS) {
            throw new CurriculumTooLarge("A course can have at most " + MAX_SECTIONS + " sections");
        }
        Document added = CourseDocuments.newSection(section);
        this.sections.add(added);
        return CourseDocuments.section(added);
    }

    public Section renameSection(ObjectId sectionId, String title) {
        Document section = section(sectionId);
        section.put("title", title);
        return CourseDocuments.section(section);
    }

    /**
     * Puts the sections in the given order, which must name every section exactly once.
     * @param sectionIds the ids of all sections, in the new order
     * @return the sections in their new order
     */
    public List<Section> reorderSections(List<String> sectionIds) {
        List<Document> ordered = ordered(this.sections, sectionIds, "sectionIds", "sections of the course");
        this.sections.clear();
        this.sections.addAll(ordered);
        return this.sections.stream().map(CourseDocuments::section).toList();
    }

    /**
     * Removes a section with its lessons; returns the ids of the lessons removed.
     * @param sectionId the section's id
     * @return the ids of the lessons removed
     */
    public List<ObjectId> removeSection(ObjectId sectionId) {
        Document section = section(sectionId);
        this.sections.remove(section);
        return CourseDocuments.lessons(section)
            .stream()
            .map(CourseDocuments::id)
            .filter(Objects::nonNull)
            .map(ObjectId::new)
            .toList();
    }

    public Lesson addLesson(ObjectId sectionId, NewLesson lesson) {
        Document section = section(sectionId);
        List<Document> lessons = CourseDocuments.lessons(section);
        if (lessons.size() >= MAX_LESSONS_PER_SECTION) {
            throw new CurriculumTooLarge("A section can have at most " + MAX_LESSONS_PER_SECTION + " lessons");
        }
        Document added = CourseDocuments.newLesson(lesson);
        lessons.add(added);
        section.put("lessons", lessons);
        return CourseDocuments.lesson(added);
    }

    /**
     * Changes a lesson's fields and, if asked, moves it to the end of another section.
     * @param lessonId the lesson's id
     * @param changes the fields to change ({@code null} ones stay as they are)
     * @return the changed lesson
     */
    public Lesson updateLesson(ObjectId lessonId, LessonChanges changes) {
        Document from = sectionOfLesson(lessonId);
        List<Document> lessons = CourseDocuments.lessons(from);
        Document lesson = find(lessons, lessonId).orElseThrow();
        if (changes.title() != null) {
            lesson.put("title", changes.title());
        }
        if (changes.description() != null) {
            lesson.put("description", changes.description());
        }
        if (changes.durationSeconds() != null) {
            lesson.put("durationSeconds", changes.durationSeconds());
        }
        if (changes.sectionId() != null && !changes.sectionId().toHexString().equals(CourseDocuments.id(from))) {
            Document to = section(changes.sectionId());
            List<Document> target = CourseDocuments.lessons(to);
            if (target.size() >= MAX_LESSONS_PER_SECTION) {
                throw new CurriculumTooLarge("A section can have at most " + MAX_LESSONS_PER_SECTION + " lessons");
            }
            lessons.remove(lesson);
            from.put("lessons", lessons);
            target.add(lesson);
            to.put("lessons", target);
        }
        return CourseDocuments.lesson(lesson);
    }

    /**
     * Puts the lessons of one section in the given order, which must name each of them
     * exactly once.
     * @param sectionId the section's id
     * @param lessonIds the ids of all its lessons, in the new order
     * @return the section with its lessons in their new order
     */
    public Section reorderLessons(ObjectId sectionId, List<String> lessonIds) {
        Document section = section(sectionId);
        section.put("lessons",
                ordered(CourseDocuments.lessons(section), lessonIds, "lessonIds", "lessons of the section"));
        return CourseDocuments.section(section);
    }

    /**
     * Removes a lesson; returns its id.
     * @param lessonId the lesson's id
     * @return the id of the lesson removed
     */
    public ObjectId removeLesson(ObjectId lessonId) {
        Document section = sectionOfLesson(lessonId);
        List<Document> lessons = CourseDocuments.lessons(section);
        lessons.remove(find(lessons, lessonId).orElseThrow());
        section.put("lessons", lessons);
        return lessonId;
    }

    private Document section(ObjectId sectionId) {
        return find(this.sections, sectionId).orElseThrow(() -> new SectionNotFound(this.courseId, sectionId));
    }

    private Document sectionOfLesson(ObjectId lessonId) {
        return this.sections.stream()
            .filter((section) -> find(CourseDocuments.lessons(section), lessonId).isPresent())
            .findFirst()
            .orElseThrow(() -> new LessonNotFound(this.courseId, lessonId));
    }

    private static Optional<Document> find(List<Document> documents, ObjectId id) {
        String hex = id.toHexString();
        return documents.stream().filter((document) -> hex.equals(CourseDocuments.id(document))).findFirst();
    }

    /**
     * {@code documents} in the order of {@code ids}, which must be a permutation of their
     * ids. Sub-documents without an id (written by another application) cannot be named,
     * so they keep their relative order at the end.
     * @param documents the sections or lessons
     * @param ids their ids in the wanted order, as the client sent them
     * @param field the request field that holds {@code ids}, for the error message
     * @param what what {@code documents} are, for the error message
     * @return {@code documents} in the wanted order
     */
    private static List<Document> ordered(List<Document> documents, List<String> ids, String field, String what) {
        List<String> existing = documents.stream().map(CourseDocuments::id).filter(Objects::nonNull).toList();
        List<String> wanted = ids.stream().map((id) -> (id != null) ? id.toLowerCase(Locale.ROOT) : "null").toList();
        Set<String> repeated = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        wanted.stream().filter((id) -> !seen.add(id)).forEach(repeated::add);
        List<String> unknown = wanted.stream().filter((id) -> !existing.contains(id)).distinct().toList();
        List<String> missing = existing.stream().filter((id) -> !wanted.contains(id)).toList();
        if (!repeated.isEmpty() || !unknown.isEmpty() || !missing.isEmpty()) {
            throw new InvalidOrder(field + " must name each of the " + existing.size() + " " + what + " exactly once"
                    + problem("unknown", unknown) + problem("missing", missing) + problem("repeated", repeated));
        }
        List<Document> ordered = new ArrayList<>();
        for (String id : wanted) {
            documents.stream()
                .filter((document) -> id.equals(CourseDocuments.id(document)))
                .findFirst()
                .ifPresent(ordered::add);
        }
        documents.stream().filter((document) -> CourseDocuments.id(document) == null).forEach(ordered::add);
        return ordered;
    }

    private static String problem(String label, Collection<String> ids) {
        return ids.isEmpty() ? "" : "; " + label + ": " + String.join(", ", ids);
    }

}
