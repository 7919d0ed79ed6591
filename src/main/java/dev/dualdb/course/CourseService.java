package dev.dualdb.course;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.stereotype.Service;

import dev.dualdb.course.internal.CourseNotFound;
import dev.dualdb.course.internal.CourseRepository;
import dev.dualdb.media.CourseResource;
import dev.dualdb.media.CourseResourceService;
import dev.dualdb.media.CourseVideo;
import dev.dualdb.media.CourseVideoService;
import dev.dualdb.media.MediaService;
import dev.dualdb.postgres.PostgresUnavailable;
import dev.dualdb.system.IdempotentRequest;
import dev.dualdb.system.Step;
import dev.dualdb.system.Steps;

/**
 * Courses (MongoDB) composed with their videos and resources (PostgreSQL). Reads start
 * from the MongoDB document, so a media row whose course or lesson is gone is never
 * shown; when PostgreSQL is unavailable, reads still answer and say so.
 */
@Service
public class CourseService {

    private static final Logger log = LoggerFactory.getLogger(CourseService.class);

    private final CourseRepository courses;

    private final MediaService media;

    private final CourseVideoService videos;

    private final CourseResourceService resources;

    private final AsyncTaskExecutor executor;

    private final ApplicationEventPublisher events;

    private final Steps steps;

    CourseService(CourseRepository courses, MediaService media, CourseVideoService videos,
            CourseResourceService resources, @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor,
            ApplicationEventPublisher events, Steps steps) {
        this.courses = courses;
        this.media = media;
        this.videos = videos;
        this.resources = resources;
        this.executor = executor;
        this.events = events;
        this.steps = steps;
    }

    /**
     * Creates a course with its sections and lessons (if any), each given a new id. Under
     * an {@code Idempotency-Key} the course id is reserved with the key, so a retry after
     * a crash finds the course of the first attempt instead of creating a second one.
     * @param course the course to create
     * @return the created course, or the first attempt's under a retried key
     */
    public Course create(NewCourse course) {
        ObjectId id = IdempotentRequest.reservedId().orElseGet(ObjectId::new);
        return this.courses.find(id).orElseGet(() -> this.courses.insert(id, course));
    }

    /**
     * The course document alone (no media).
     * @param id the course
     * @return the course
     * @throws CourseNotFound if it does not exist
     */
    public Course document(ObjectId id) {
        return this.courses.find(id).orElseThrow(() -> new CourseNotFound(id));
    }

    /**
     * Checks that a course exists.
     * @param id the course
     * @throws CourseNotFound if it does not
     */
    public void requireCourse(ObjectId id) {
        if (!exists(id)) {
            throw new CourseNotFound(id);
        }
    }

    /**
     * Whether a course with that id exists.
     * @param id the course
     * @return {@code true} if there is such a course
     */
    public boolean exists(ObjectId id) {
        return this.courses.exists(id);
    }

    /**
     * Which of {@code ids} are courses that exist (one query).
     * @param ids the course ids to look for
     * @return those of {@code ids} that exist
     */
    public Set<ObjectId> existing(Collection<ObjectId> ids) {
        return this.courses.existing(ids);
    }

    /**
     * The course with all its videos and resources, fetched from the two databases in
     * parallel.
     * @param id the course
     * @return the course, with no media and {@code mediaAvailable} false if PostgreSQL
     * could not be asked
     * @throws CourseNotFound if there is no such course
     */
    public CourseWithMedia get(ObjectId id) {
        CompletableFuture<List<CourseVideo>> videos = CompletableFuture
            .supplyAsync(() -> this.videos.getCourseVideos(id), this.executor);
        CompletableFuture<List<CourseResource>> resources = CompletableFuture
            .supplyAsync(() -> this.resources.getCourseResources(id), this.executor);
        Course course = this.courses.find(id).orElseThrow(() -> new CourseNotFound(id));
        try {
            return new CourseWithMedia(course, videos.join(), resources.join(), true);
        }
        catch (CompletionException ex) {
            if (ex.getCause() instanceof PostgresUnavailable) {
                return new CourseWithMedia(course, List.of(), List.of(), false);
            }
            throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
        }
    }

    /**
     * One page of course documents, newest first; no media (one MongoDB query and a
     * count).
     * @param page the page number, from 0
     * @param size the most courses on a page
     * @return the page
     */
    public CoursePage list(int page, int size) {
        return new CoursePage(this.courses.page(page, size), page, size, this.courses.count());
    }

    public Course update(ObjectId id, CourseChanges changes) {
        return this.courses.update(id, changes).orElseThrow(() -> new CourseNotFound(id));
    }

    /**
     * Deletes the course, then the media rows of the course and its lessons. If the
     * second step fails, the rows are orphans of a missing owner: no reader reaches them
     * (reads start from MongoDB) and the reconciler removes them.
     * @param id the course
     * @throws CourseNotFound if there is no such course
     */
    public void delete(ObjectId id) {
        Course deleted = this.courses.delete(id).orElseThrow(() -> new CourseNotFound(id));
        this.events.publishEvent(new CourseDeleted(id));
        this.steps.reached(Step.COURSE_DOCUMENT_DELETED);
        List<ObjectId> lessonIds = deleted.lessons()
            .map(Lesson::id)
            .filter(ObjectId::isValid)
            .map(ObjectId::new)
            .toList();
        try {
            this.media.deleteCourseMedia(id, lessonIds);
        }
        catch (PostgresUnavailable ex) {
            log.warn("Course {} deleted; its media rows are left for the reconciler: {}", id, ex.getMessage());
        }
    }

}
