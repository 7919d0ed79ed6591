package dev.dualdb.course.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.dualdb.course.Course;
import dev.dualdb.course.CourseLevel;
import dev.dualdb.course.CourseWithMedia;
import dev.dualdb.course.Lesson;
import dev.dualdb.course.Section;
import dev.dualdb.media.CourseResource;
import dev.dualdb.media.CourseVideo;

/**
 * A course with all its media, as the API shows it: each lesson carries its own videos
 * and resources; {@code videos} at the top are those of the course itself (no lesson).
 *
 * @param id the course's id (24 hexadecimal characters)
 * @param title the course's title
 * @param description the free-text description, or {@code null}
 * @param instructorId the id of the user who teaches the course, or {@code null}
 * @param price the price; zero for a free course
 * @param currency the ISO 4217 code of the price's currency
 * @param level the level the course is for (beginner, intermediate or advanced)
 * @param published whether students can see the course; {@code false} for a draft
 * @param sections the course's sections in order, each with its lessons
 * @param videos the videos of the course itself, not of a lesson
 * @param createdAt when the course was created
 * @param updatedAt when the course last changed
 * @param mediaAvailable {@code false} when the media store could not be asked: every
 * media list is then empty
 */
record CourseResponse(String id, String title, @Schema(nullable = true) String description,
        @Schema(nullable = true) String instructorId, BigDecimal price, String currency, CourseLevel level,
        boolean published, List<SectionResponse> sections, List<CourseVideo> videos,
        @Schema(nullable = true) Instant createdAt, @Schema(nullable = true) Instant updatedAt,
        boolean mediaAvailable) {

    static CourseResponse of(CourseWithMedia composed) {
        Course c = composed.course();
        Map<String, List<CourseVideo>> videos = composed.videosByLesson();
        Map<String, List<CourseResource>> resources = composed.resourcesByLesson();
        List<SectionResponse> sections = c.sections()
            .stream()
            .map((section) -> section(section, videos, resources))
            .toList();
        return new CourseResponse(c.id(), c.title(), c.description(), c.instructorId(), c.price(), c.currency(),
                c.level(), c.published(), sections, composed.courseVideos(), c.createdAt(), c.updatedAt(),
                composed.mediaAvailable());
    }

    private static SectionResponse section(Section section, Map<String, List<CourseVideo>> videos,
            Map<String, List<CourseResource>> resources) {
        return new SectionResponse(section.id(), section.title(),
                section.lessons().stream().map((lesson) -> lesson(lesson, videos, resources)).toList());
    }

    private static LessonResponse lesson(Lesson lesson, Map<String, List<CourseVideo>> videos,
            Map<String, List<CourseResource>> resources) {
        List<CourseVideo> lessonVideos = (lesson.id() == null) ? List.of()
                : videos.getOrDefault(lesson.id(), List.of());
        List<CourseResource> lessonResources = (lesson.id() == null) ? List.of()
                : resources.getOrDefault(lesson.id(), List.of());
        return new LessonResponse(lesson.id(), lesson.title(), lesson.description(), lesson.durationSeconds(),
                lessonVideos, lessonResources);
    }

    /**
     * A section with its lessons, in order.
     *
     * @param id the section's id (24 hexadecimal characters), or {@code null} for a
     * section stored without one
     * @param title the section's title
     * @param lessons the section's lessons, in order
     */
    record SectionResponse(@Schema(nullable = true) String id, String title, List<LessonResponse> lessons) {
    }

    /**
     * A lesson with its videos and resources.
     *
     * @param id the lesson's id (24 hexadecimal characters), or {@code null} for a lesson
     * stored without one
     * @param title the lesson's title
     * @param description the free-text description, or {@code null}
     * @param durationSeconds how long the lesson takes, in seconds, or {@code null}
     * @param videos the lesson's videos
     * @param resources the files that come with the lesson
     */
    record LessonResponse(@Schema(nullable = true) String id, String title, @Schema(nullable = true) String description,
            @Schema(nullable = true) Integer durationSeconds, List<CourseVideo> videos,
            List<CourseResource> resources) {
    }

}
