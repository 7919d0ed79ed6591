package dev.dualdb.course.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.bson.types.ObjectId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.dualdb.course.CourseMediaService;
import dev.dualdb.media.AccessCount;
import dev.dualdb.media.CourseResource;
import dev.dualdb.media.CourseVideo;
import dev.dualdb.media.MediaLinks;
import dev.dualdb.media.web.UploadReceiver;
import dev.dualdb.media.web.UploadRoute;
import dev.dualdb.system.InvalidInput;
import dev.dualdb.system.ObjectIdParser;

/**
 * Routes for the videos and lesson resources of one course. Media given by URL is JSON;
 * file uploads are {@code multipart/form-data} on the same paths, the text fields first
 * and then the file, streamed into the blob store as it arrives.
 */
@RestController
@RequestMapping("/api/courses/{id}")
@Tag(name = "course media")
class CourseMediaController {

    private final CourseMediaService media;

    private final UploadReceiver uploads;

    private final MediaLinks links;

    CourseMediaController(CourseMediaService media, UploadReceiver uploads, MediaLinks links) {
        this.media = media;
        this.uploads = uploads;
        this.links = links;
    }

    /**
     * Uploads a video file: fields {@code title}, optional {@code lessonId} and
     * {@code isPreview}, then {@code file}.
     * @param id the course's id
     * @param request the multipart request, read as it streams in
     * @return 201 with the stored video
     */
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = VideoFileForm.class)))
    @Operation(operationId = "addCourseVideo", summary = "Add a video to a course or one of its lessons")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "400",
            description = "With a file:\n- `validation-failed`: no `title` before the "
                    + "file\n- `malformed-id`: `lessonId` is not an id\n- `no-file`: no part named `file`")
    @PostMapping(path = "/videos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CourseVideo> uploadVideo(@PathVariable ObjectId id, HttpServletRequest request) {
        UploadRoute route = UploadRoute.video(() -> this.media.checkVideoOwner(id, null), (fields) -> {
            this.media.checkVideoOwner(id, lessonId(fields));
            requireText(fields, "title");
        });
        CourseVideo saved = this.uploads.receive(request, route,
                (fields, files) -> this.media.saveUploadedCourseVideo(id, lessonId(fields), fields.get("title"),
                        Boolean.parseBoolean(fields.get("isPreview")), files.get(0)));
        return ResponseEntity.created(URI.create(saved.videoUrl())).body(this.links.forViewer(saved));
    }

    /**
     * Uploads a resource file of a lesson: optional field {@code resourceName}, then
     * {@code file}.
     * @param id the course's id
     * @param lessonId the id of the lesson the resource belongs to
     * @param request the multipart request, read as it streams in
     * @return 201 with the stored resource
     */
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = ResourceFileForm.class)))
    @Operation(operationId = "addLessonResource", summary = "Add a downloadable resource to a lesson")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "400", description = "With a file:\n- `no-file`: no part named `file`")
    @PostMapping(path = "/lessons/{lessonId}/resources", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CourseResource> uploadResource(@PathVariable ObjectId id, @PathVariable ObjectId lessonId,
            HttpServletRequest request) {
        CourseResource saved = this.uploads.receive(request,
                UploadRoute.document(() -> this.media.checkResourceOwner(id, lessonId)), (fields, files) -> this.media
                    .saveUploadedCourseResource(id, lessonId, fields.get("resourceName"), files.get(0)));
        return ResponseEntity.created(URI.create(saved.resourceUrl())).body(this.links.forViewer(saved));
    }

    private static ObjectId lessonId(Map<String, String> fields) {
        String value = fields.get("lessonId");
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!ObjectIdParser.isValid(value.strip())) {
            throw new InvalidInput("malformed-id", "lessonId is not a valid id");
        }
        return ObjectIdParser.parse(value.strip());
    }

    private static void requireText(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidInput("validation-failed", "The field '" + name + "' is required, before the file");
        }
    }

    @Operation(operationId = "addCourseVideo", summary = "Add a video to a course or one of its lessons",
            description = "As JSON, a video given by URL (YouTube and Vimeo videos on their own hosts, any other "
                    + "http(s) URL as EXTERNAL); as multipart/form-data, the fields `title`, optional `lessonId` and "
                    + "`isPreview` first, then the video in a part named `file`, streamed into the blob store.")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "400",
            description = "Bad request:\n- `invalid-url`: not an absolute http(s) URL, or "
                    + "not on the host of its video type\n- `invalid-video-type`: UPLOAD needs a file, not a URL")
    @ApiResponse(responseCode = "404", description = "`course-not-found`, `lesson-not-found`")
    @PostMapping(path = "/videos", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CourseVideo> addVideo(@PathVariable ObjectId id, @Valid @RequestBody CourseVideoRequest request) {
        CourseVideo saved = this.media.saveCourseVideo(id, request.toNewVideo());
        return ResponseEntity.created(URI.create("/api/courses/" + id.toHexString())).body(saved);
    }

    @Operation(operationId = "deleteCourseVideo", summary = "Delete a video of a course")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "404", description = "`course-not-found`, `media-not-found`")
    @DeleteMapping("/videos/{videoId}")
    ResponseEntity<Void> deleteVideo(@PathVariable ObjectId id, @PathVariable UUID videoId) {
        this.media.deleteCourseVideo(id, videoId);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "countVideoView", summary = "Count one view of a video",
            description = "Counts it in memory; the counts are written to PostgreSQL every "
                    + "`dualdb.media.access-count-flush-interval` (1 s). The answer is the count written so far "
                    + "plus this instance's counts not yet written: exact on one instance, behind by at most one "
                    + "interval of the other instances' counts.")
    @ApiResponse(responseCode = "200", description = "The count, this access included", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "`course-not-found`, `media-not-found`")
    @PostMapping("/videos/{videoId}/views")
    AccessCount countView(@PathVariable ObjectId id, @PathVariable UUID videoId) {
        return this.media.countVideoView(id, videoId);
    }

    @Operation(operationId = "addLessonResource", summary = "Add a downloadable resource to a lesson",
            description = "As JSON, a resource given by URL; as multipart/form-data, an optional `resourceName` "
                    + "then the file in a part named `file` (its `resourceType` comes from its bytes).")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "400", description = "`invalid-url`: not an absolute http(s) URL")
    @ApiResponse(responseCode = "404", description = "`course-not-found`, `lesson-not-found`")
    @PostMapping(path = "/lessons/{lessonId}/resources", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CourseResource> addResource(@PathVariable ObjectId id, @PathVariable ObjectId lessonId,
            @Valid @RequestBody CourseResourceRequest request) {
        CourseResource saved = this.media.saveCourseResource(id, lessonId, request.toNewResource());
        return ResponseEntity.created(URI.create("/api/courses/" + id.toHexString())).body(saved);
    }

    @Operation(operationId = "deleteCourseResource", summary = "Delete a resource of a lesson")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "404", description = "`course-not-found`, `media-not-found`")
    @DeleteMapping("/resources/{resourceId}")
    ResponseEntity<Void> deleteResource(@PathVariable ObjectId id, @PathVariable UUID resourceId) {
        this.media.deleteCourseResource(id, resourceId);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "countResourceAccess", summary = "Count one access to a resource",
            description = "Counts it in memory; the counts are written to PostgreSQL every "
                    + "`dualdb.media.access-count-flush-interval` (1 s). The answer is the count written so far "
                    + "plus this instance's counts not yet written: exact on one instance, behind by at most one "
                    + "interval of the other instances' counts.")
    @ApiResponse(responseCode = "200", description = "The count, this access included", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "`course-not-found`, `media-not-found`")
    @PostMapping("/resources/{resourceId}/accesses")
    AccessCount countAccess(@PathVariable ObjectId id, @PathVariable UUID resourceId) {
        return this.media.countResourceAccess(id, resourceId);
    }

}
