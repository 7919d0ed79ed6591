package dev.dualdb.media;

import java.util.List;
import java.util.UUID;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

import dev.dualdb.media.internal.CourseVideoRepository;
import dev.dualdb.media.internal.ExternalUrl;
import dev.dualdb.media.internal.MediaInput;
import dev.dualdb.media.internal.MediaUrls;
import dev.dualdb.media.internal.RowIds;
import dev.dualdb.media.internal.UploadRecorder;
import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.postgres.PostgresUnavailable;

/**
 * The original design's course-video operations ({@code saveCourseVideo},
 * {@code getCourseVideos}) over {@code course_videos}. The caller has checked that the
 * course (and lesson) exist. Every method throws {@link PostgresUnavailable} when
 * PostgreSQL is disabled or unreachable.
 */
@Service
public class CourseVideoService {

    private final PostgresDatabase database;

    private final CourseVideoRepository courseVideos;

    private final UploadRecorder uploads;

    CourseVideoService(PostgresDatabase database, CourseVideoRepository courseVideos, UploadRecorder uploads) {
        this.database = database;
        this.courseVideos = courseVideos;
        this.uploads = uploads;
    }

    /**
     * Records a video of a course given by its URL (YouTube, Vimeo, a CDN address).
     * @param courseId the course
     * @param video the video
     * @return the saved video
     */
    public CourseVideo saveCourseVideo(ObjectId courseId, NewCourseVideo video) {
        MediaInput.text("title", video.title(), 300);
        MediaInput.required("videoType", video.videoType());
        MediaInput.lessonId(video.lessonId());
        MediaInput.duration(video.duration());
        String url = ExternalUrl.checkVideo(video.videoUrl(), video.videoType());
        CourseVideo row = new CourseVideo(RowIds.next(0), courseId.toHexString(), video.lessonId(),
                video.title().strip(), url, video.videoType(), null, null, null, video.duration(), StorageType.EXTERNAL,
                video.isPreview(), 0, null, null, null);
        return this.database.write((jdbc) -> this.courseVideos.find(jdbc, row.mongoCourseId(), row.id())
            .orElseGet(() -> this.courseVideos.insert(jdbc, row, null)));
    }

    /**
     * Records an uploaded video of a course and, optionally, one of its lessons.
     * @param courseId the course
     * @param lessonId the lesson, or {@code null}
     * @param title the title
     * @param isPreview whether anyone may watch it before enrolling
     * @param file the stored file
     * @return the saved video
     */
    public CourseVideo saveUploadedCourseVideo(ObjectId courseId, String lessonId, String title, boolean isPreview,
            UploadedFile file) {
        MediaInput.text("title", title, 300);
        MediaInput.lessonId(lessonId);
        UUID id = RowIds.next(0);
        CourseVideo row = new CourseVideo(id, courseId.toHexString(), lessonId, title.strip(), MediaUrls.of(id),
                VideoType.UPLOAD, file.displayName(), file.size(), file.contentType(), file.durationSeconds(),
                StorageType.valueOf(file.storageType()), isPreview, 0, null, null, null);
        return this.uploads.record(List.of(file), (jdbc) -> this.courseVideos.find(jdbc, row.mongoCourseId(), id)
            .orElseGet(() -> this.courseVideos.insert(jdbc, row, file.sha256())));
    }

    /**
     * The videos of a course, oldest first.
     * @param courseId the course
     * @return its videos
     */
    public List<CourseVideo> getCourseVideos(ObjectId courseId) {
        return this.database.read((jdbc) -> this.courseVideos.findByCourse(jdbc, courseId.toHexString()));
    }

}
