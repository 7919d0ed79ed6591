package dev.dualdb.media;

import java.util.List;
import java.util.UUID;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

import dev.dualdb.media.internal.CourseResourceRepository;
import dev.dualdb.media.internal.ExternalUrl;
import dev.dualdb.media.internal.MediaInput;
import dev.dualdb.media.internal.MediaUrls;
import dev.dualdb.media.internal.ResourceTypes;
import dev.dualdb.media.internal.RowIds;
import dev.dualdb.media.internal.UploadRecorder;
import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.postgres.PostgresUnavailable;

/**
 * The original design's lesson-resource operations ({@code saveCourseResource},
 * {@code getCourseResources}) over {@code course_resources}. The caller has checked that
 * the course and lesson exist. Every method throws {@link PostgresUnavailable} when
 * PostgreSQL is disabled or unreachable.
 */
@Service
public class CourseResourceService {

    private final PostgresDatabase database;

    private final CourseResourceRepository courseResources;

    private final UploadRecorder uploads;

    CourseResourceService(PostgresDatabase database, CourseResourceRepository courseResources, UploadRecorder uploads) {
        this.database = database;
        this.courseResources = courseResources;
        this.uploads = uploads;
    }

    /**
     * Records a resource of a lesson given by its URL.
     * @param courseId the course
     * @param lessonId the lesson
     * @param resource the resource
     * @return the saved resource
     */
    public CourseResource saveCourseResource(ObjectId courseId, ObjectId lessonId, NewCourseResource resource) {
        MediaInput.text("resourceName", resource.resourceName(), 300);
        MediaInput.required("resourceType", resource.resourceType());
        MediaInput.optionalText("fileName", resource.fileName(), 255);
        MediaInput.optionalText("mimeType", resource.mimeType(), 255);
        MediaInput.size(resource.fileSize());
        String url = ExternalUrl.check(resource.resourceUrl());
        CourseResource row = new CourseResource(RowIds.next(0), courseId.toHexString(), lessonId.toHexString(),
                resource.resourceName().strip(), resource.resourceType(), url, resource.fileName(), resource.fileSize(),
                resource.mimeType(), null, StorageType.EXTERNAL, 0, null, null, null);
        return this.database.write((jdbc) -> this.courseResources.find(jdbc, row.mongoCourseId(), row.id())
            .orElseGet(() -> this.courseResources.insert(jdbc, row, null)));
    }

    /**
     * Records an uploaded resource of a lesson; its type comes from the bytes, its name
     * from the client (or the file's name).
     * @param courseId the course
     * @param lessonId the lesson
     * @param resourceName the name to show, or {@code null} for the file's name
     * @param file the stored file
     * @return the saved resource
     */
    public CourseResource saveUploadedCourseResource(ObjectId courseId, ObjectId lessonId, String resourceName,
            UploadedFile file) {
        String name = (resourceName == null || resourceName.isBlank()) ? file.displayName() : resourceName.strip();
        MediaInput.text("resourceName", name, 300);
        UUID id = RowIds.next(0);
        CourseResource row = new CourseResource(id, courseId.toHexString(), lessonId.toHexString(), name,
                ResourceTypes.of(file.contentType()), MediaUrls.of(id), file.displayName(), file.size(),
                file.contentType(), file.pageCount(), StorageType.valueOf(file.storageType()), 0, null, null, null);
        return this.uploads.record(List.of(file), (jdbc) -> this.courseResources.find(jdbc, row.mongoCourseId(), id)
            .orElseGet(() -> this.courseResources.insert(jdbc, row, file.sha256())));
    }

    /**
     * The resources of a course's lessons, oldest first.
     * @param courseId the course
     * @return its resources
     */
    public List<CourseResource> getCourseResources(ObjectId courseId) {
        return this.database.read((jdbc) -> this.courseResources.findByCourse(jdbc, courseId.toHexString()));
    }

}
