package dev.dualdb.course;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import dev.dualdb.media.CourseResource;
import dev.dualdb.media.CourseVideo;

/**
 * A course composed from both databases: the document from MongoDB, its videos and
 * resources from PostgreSQL. Media is only ever reached through the course's own lessons,
 * so a row left behind by a deleted lesson (an orphan for the reconciler) is never shown.
 *
 * @param course the document from MongoDB
 * @param videos every video row of the course, course-level and per lesson
 * @param resources every resource row of the course
 * @param mediaAvailable {@code false} when PostgreSQL could not be asked; {@code videos}
 * and {@code resources} are then empty
 */
public record CourseWithMedia(Course course, List<CourseVideo> videos, List<CourseResource> resources,
        boolean mediaAvailable) {

    /**
     * What anyone may see: the videos marked as previews, no lesson resources.
     * @return the course with its private media left out
     */
    public CourseWithMedia withoutPrivateMedia() {
        return new CourseWithMedia(this.course, this.videos.stream().filter(CourseVideo::isPreview).toList(), List.of(),
                this.mediaAvailable);
    }

    /**
     * The same course with each video and resource passed through a function (such as one
     * that gives private media a signed URL).
     * @param video what to do with each video
     * @param resource what to do with each resource
     * @return the course with the changed media
     */
    public CourseWithMedia mapMedia(UnaryOperator<CourseVideo> video, UnaryOperator<CourseResource> resource) {
        return new CourseWithMedia(this.course, this.videos.stream().map(video).toList(),
                this.resources.stream().map(resource).toList(), this.mediaAvailable);
    }

    /**
     * The videos of the course itself (a trailer, an introduction): those with no lesson.
     * @return those videos, oldest first
     */
    public List<CourseVideo> courseVideos() {
        return this.videos.stream().filter((video) -> video.lessonId() == null).toList();
    }

    /**
     * The videos of each lesson, by lesson id.
     * @return the lesson videos, grouped by lesson id
     */
    public Map<String, List<CourseVideo>> videosByLesson() {
        return this.videos.stream()
            .filter((video) -> video.lessonId() != null)
            .collect(Collectors.groupingBy(CourseVideo::lessonId));
    }

    /**
     * The resources of each lesson, by lesson id.
     * @return the resources, grouped by lesson id
     */
    public Map<String, List<CourseResource>> resourcesByLesson() {
        return this.resources.stream()
            .filter((resource) -> Objects.nonNull(resource.lessonId()))
            .collect(Collectors.groupingBy(CourseResource::lessonId));
    }
}
