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
     * @throws CourseNotFound or {@link LessonNotFound}
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
     */
    public CourseVideo saveUploadedCourseVideo(ObjectId courseId, ObjectId lessonId, String title, boolean isPreview,
            UploadedFile file) {
        checkVideoOwner(courseId, lessonId);
        return this.videos.saveUploadedCourseVideo(courseId, (lessonId != null) ? lessonId.toHexString() : null, title,
                isPreview, file);
    }

    /**
     * Checks, before an upload's bytes are read, that the lesson exists in the course.
     */
    public void checkResourceOwner(ObjectId courseId, ObjectId lessonId) {
        requireLesson(courseId, lessonId);
    }

    /**
     * Records an uploaded resource (already in the blob store); the lesson is checked
     * again, after the upload.
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

    /** Counts one view of a video of this course. */
    public AccessCount countVideoView(ObjectId courseId, UUID videoId) {
        requireCourse(courseId);
        return this.media.updateMediaAccessCount(MediaKind.COURSE_VIDEO, courseId, videoId);
    }

    /** Records a resource of one lesson of the course. */
    public CourseResource saveCourseResource(ObjectId courseId, ObjectId lessonId, NewCourseResource resource) {
        requireLesson(courseId, lessonId);
        return this.resources.saveCourseResource(courseId, lessonId, resource);
    }

    public void deleteCourseResource(ObjectId courseId, UUID resourceId) {
        requireCourse(courseId);
        this.media.deleteMedia(MediaKind.COURSE_RESOURCE, courseId, resourceId);
    }

    /** Counts one access (a download, an opening) of a resource of this course. */
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
