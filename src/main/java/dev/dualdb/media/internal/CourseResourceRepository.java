package dev.dualdb.media.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.dualdb.media.CourseResource;
import dev.dualdb.media.ResourceType;
import dev.dualdb.media.StorageType;

/** SQL for {@code course_resources}. */
@Repository
public class CourseResourceRepository {

    private static final String COLUMNS = """
            id, mongo_course_id, lesson_id, resource_name, resource_type, resource_url, file_name, file_size,
            mime_type, page_count, storage_type, access_count, last_accessed_at, created_at, updated_at""";

    public CourseResource insert(JdbcClient jdbc, CourseResource resource, String blobSha256) {
        return jdbc.sql("""
                INSERT INTO course_resources (id, mongo_course_id, lesson_id, resource_name, resource_type,
                    resource_url, blob_sha256, file_name, file_size, mime_type, page_count, storage_type)
                VALUES (:id, :courseId, :lessonId, :name, :type, :url, :blob, :fileName, :fileSize,
                    :mimeType, :pageCount, :storageType)
                RETURNING %s""".formatted(COLUMNS))
            .param("id", resource.id())
            .param("courseId", resource.mongoCourseId())
            .param("lessonId", resource.lessonId())
            .param("name", resource.resourceName())
            .param("type", resource.resourceType().name())
            .param("url", resource.resourceUrl())
            .param("blob", blobSha256, Types.CHAR)
            .param("fileName", resource.fileName(), Types.VARCHAR)
            .param("fileSize", resource.fileSize(), Types.BIGINT)
            .param("mimeType", resource.mimeType(), Types.VARCHAR)
            .param("pageCount", resource.pageCount(), Types.INTEGER)
            .param("storageType", resource.storageType().name())
            .query(CourseResourceRepository::map)
            .single();
    }

    /**
     * Inserts many resources with one statement (the import of an existing catalog).
     * @param jdbc the client of the caller's transaction
     * @param resources the resources
     * @param blobSha256s the hash of each resource's stored bytes, or {@code null} for a
     * URL
     */
    public void insertAll(JdbcClient jdbc, List<CourseResource> resources, List<String> blobSha256s) {
        if (resources.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO course_resources (id, mongo_course_id, lesson_id, resource_name, resource_type,
                    resource_url, blob_sha256, file_name, file_size, mime_type, page_count, storage_type)
                SELECT id::uuid, course, lesson, name, type, url, blob, file_name, file_size::bigint, mime_type,
                    page_count::integer, storage_type
                FROM unnest(:ids::text[], :courses::text[], :lessons::text[], :names::text[], :types::text[],
                    :urls::text[], :blobs::text[], :fileNames::text[], :fileSizes::text[], :mimeTypes::text[],
                    :pageCounts::text[], :storageTypes::text[])
                    AS t(id, course, lesson, name, type, url, blob, file_name, file_size, mime_type, page_count,
                         storage_type)""")
            .param("ids", TextArrays.of(resources, CourseResource::id))
            .param("courses", TextArrays.of(resources, CourseResource::mongoCourseId))
            .param("lessons", TextArrays.of(resources, CourseResource::lessonId))
            .param("names", TextArrays.of(resources, CourseResource::resourceName))
            .param("types", TextArrays.of(resources, CourseResource::resourceType))
            .param("urls", TextArrays.of(resources, CourseResource::resourceUrl))
            .param("blobs", blobSha256s.toArray(String[]::new))
            .param("fileNames", TextArrays.of(resources, CourseResource::fileName))
            .param("fileSizes", TextArrays.of(resources, CourseResource::fileSize))
            .param("mimeTypes", TextArrays.of(resources, CourseResource::mimeType))
            .param("pageCounts", TextArrays.of(resources, CourseResource::pageCount))
            .param("storageTypes", TextArrays.of(resources, CourseResource::storageType))
            .update();
    }

    /**
     * Uses {@code idx_course_resources_course}.
     * @param jdbc the client of the caller's transaction or connection
     * @param courseId the course (24 hex characters)
     * @return its resources, oldest first
     */
    public List<CourseResource> findByCourse(JdbcClient jdbc, String courseId) {
        return jdbc
            .sql("SELECT " + COLUMNS + " FROM course_resources WHERE mongo_course_id = :courseId"
                    + " ORDER BY created_at, id")
            .param("courseId", courseId)
            .query(CourseResourceRepository::map)
            .list();
    }

    public Optional<CourseResource> find(JdbcClient jdbc, String courseId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM course_resources WHERE id = :id AND mongo_course_id = :courseId")
            .param("id", id)
            .param("courseId", courseId)
            .query(CourseResourceRepository::map)
            .optional();
    }

    static CourseResource map(ResultSet rs, int row) throws SQLException {
        return new CourseResource(rs.getObject("id", UUID.class), rs.getString("mongo_course_id"),
                rs.getString("lesson_id"), rs.getString("resource_name"),
                ResourceType.valueOf(rs.getString("resource_type")), rs.getString("resource_url"),
                rs.getString("file_name"), Rows.nullableLong(rs, "file_size"), rs.getString("mime_type"),
                Rows.nullableInt(rs, "page_count"), StorageType.valueOf(rs.getString("storage_type")),
                rs.getLong("access_count"), Rows.instant(rs, "last_accessed_at"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }

}
