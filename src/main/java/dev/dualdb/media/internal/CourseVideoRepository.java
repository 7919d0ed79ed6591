package dev.dualdb.media.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.dualdb.media.CourseVideo;
import dev.dualdb.media.StorageType;
import dev.dualdb.media.VideoType;

/** SQL for {@code course_videos}. */
@Repository
public class CourseVideoRepository {

    private static final String COLUMNS = """
            id, mongo_course_id, lesson_id, title, video_url, video_type, file_name, file_size, mime_type, duration,
            storage_type, is_preview, access_count, last_accessed_at, created_at, updated_at""";

    public CourseVideo insert(JdbcClient jdbc, CourseVideo video, String blobSha256) {
        return jdbc.sql("""
                INSERT INTO course_videos (id, mongo_course_id, lesson_id, title, video_url, video_type,
                    blob_sha256, file_name, file_size, mime_type, duration, storage_type, is_preview)
                VALUES (:id, :courseId, :lessonId, :title, :url, :videoType, :blob, :fileName, :fileSize,
                    :mimeType, :duration, :storageType, :preview)
                RETURNING %s""".formatted(COLUMNS))
            .param("id", video.id())
            .param("courseId", video.mongoCourseId())
            .param("lessonId", video.lessonId(), Types.CHAR)
            .param("title", video.title())
            .param("url", video.videoUrl())
            .param("videoType", video.videoType().name())
            .param("blob", blobSha256, Types.CHAR)
            .param("fileName", video.fileName(), Types.VARCHAR)
            .param("fileSize", video.fileSize(), Types.BIGINT)
            .param("mimeType", video.mimeType(), Types.VARCHAR)
            .param("duration", video.duration(), Types.NUMERIC)
            .param("storageType", video.storageType().name())
            .param("preview", video.isPreview())
            .query(CourseVideoRepository::map)
            .single();
    }

    /**
     * Inserts many videos with one statement (the import of an existing catalog).
     * @param jdbc the client of the caller's transaction
     * @param videos the videos
     * @param blobSha256s the hash of each video's stored bytes, or {@code null} for a
     * link
     */
    public void insertAll(JdbcClient jdbc, List<CourseVideo> videos, List<String> blobSha256s) {
        if (videos.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO course_videos (id, mongo_course_id, lesson_id, title, video_url, video_type,
                    blob_sha256, file_name, file_size, mime_type, duration, storage_type, is_preview)
                SELECT id::uuid, course, lesson, title, url, video_type, blob, file_name, file_size::bigint,
                    mime_type, duration::numeric, storage_type, is_preview::boolean
                FROM unnest(:ids::text[], :courses::text[], :lessons::text[], :titles::text[], :urls::text[],
                    :videoTypes::text[], :blobs::text[], :fileNames::text[], :fileSizes::text[], :mimeTypes::text[],
                    :durations::text[], :storageTypes::text[], :previews::text[])
                    AS t(id, course, lesson, title, url, video_type, blob, file_name, file_size, mime_type,
                         duration, storage_type, is_preview)""")
            .param("ids", TextArrays.of(videos, CourseVideo::id))
            .param("courses", TextArrays.of(videos, CourseVideo::mongoCourseId))
            .param("lessons", TextArrays.of(videos, CourseVideo::lessonId))
            .param("titles", TextArrays.of(videos, CourseVideo::title))
            .param("urls", TextArrays.of(videos, CourseVideo::videoUrl))
            .param("videoTypes", TextArrays.of(videos, CourseVideo::videoType))
            .param("blobs", blobSha256s.toArray(String[]::new))
            .param("fileNames", TextArrays.of(videos, CourseVideo::fileName))
            .param("fileSizes", TextArrays.of(videos, CourseVideo::fileSize))
            .param("mimeTypes", TextArrays.of(videos, CourseVideo::mimeType))
            .param("durations",
                    TextArrays.of(videos,
                            (video) -> (video.duration() != null) ? video.duration().toPlainString() : null))
            .param("storageTypes", TextArrays.of(videos, CourseVideo::storageType))
            .param("previews", TextArrays.of(videos, CourseVideo::isPreview))
            .update();
    }

    /**
     * Uses {@code idx_course_videos_course}.
     * @param jdbc the client of the caller's transaction or connection
     * @param courseId the course (24 hex characters)
     * @return its videos, oldest first
     */
    public List<CourseVideo> findByCourse(JdbcClient jdbc, String courseId) {
        return jdbc
            .sql("SELECT " + COLUMNS + " FROM course_videos WHERE mongo_course_id = :courseId"
                    + " ORDER BY created_at, id")
            .param("courseId", courseId)
            .query(CourseVideoRepository::map)
            .list();
    }

    public Optional<CourseVideo> find(JdbcClient jdbc, String courseId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM course_videos WHERE id = :id AND mongo_course_id = :courseId")
            .param("id", id)
            .param("courseId", courseId)
            .query(CourseVideoRepository::map)
            .optional();
    }

    static CourseVideo map(ResultSet rs, int row) throws SQLException {
        return new CourseVideo(rs.getObject("id", UUID.class), rs.getString("mongo_course_id"),
                rs.getString("lesson_id"), rs.getString("title"), rs.getString("video_url"),
                VideoType.valueOf(rs.getString("video_type")), rs.getString("file_name"),
                Rows.nullableLong(rs, "file_size"), rs.getString("mime_type"), rs.getBigDecimal("duration"),
                StorageType.valueOf(rs.getString("storage_type")), rs.getBoolean("is_preview"),
                rs.getLong("access_count"), Rows.instant(rs, "last_accessed_at"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }

}
