package dev.dualdb.course.web;

import java.net.URI;
import java.util.UUID;

import dev.dualdb.course.CourseMediaService;
import dev.dualdb.media.AccessCount;
import dev.dualdb.media.CourseResource;
import dev.dualdb.media.CourseVideo;
import dev.dualdb.media.web.UploadReceiver;
import dev.dualdb.media.web.UploadRoute;
import dev.dualdb.media.UploadedFile;
import dev.dualdb.system.InvalidInput;
import dev.dualdb.system.ObjectIdParser;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.bson.types.ObjectId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routes for the videos and lesson resources of one course. Media given by URL is JSON;
 * file uploads are {@code multipart/form-data} on the same paths, the text fields first
 * and then the file, streamed into the blob store as it arrives.
 */
@RestController
@RequestMapping("/api/courses/{id}")
class CourseMediaController {

    private final CourseMediaService media;

    private final UploadReceiver uploads;

    CourseMediaController(CourseMediaService media, UploadReceiver uploads) {
        this.media = media;
        this.uploads = uploads;
    }

    /**
     * Uploads a video file: fields {@code title}, optional {@code lessonId} and
     * {@code isPreview}, then {@code file}.
     */
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = VideoFileForm.class)))
    @PostMapping(path = "/videos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CourseVideo> uploadVideo(@PathVariable ObjectId id, HttpServletRequest request) {
        UploadRoute route = UploadRoute.video(() -> this.media.checkVideoOwner(id, null), (fields) -> {
            this.media.checkVideoOwner(id, lessonId(fields));
            requireText(fields, "title");
        });
        CourseVideo saved = this.uploads.receive(request, route,
                (fields, files) -> this.media.saveUploadedCourseVideo(id, lessonId(fields), fields.get("title"),
                        Boolean.parseBoolean(fields.get("isPreview")), files.get(0)));
        return ResponseEntity.created(URI.create(saved.videoUrl())).body(saved);
    }

    /**
     * Uploads a resource file of a lesson: optional field {@code resourceName}, then
     * {@code file}.
     */
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ResourceFileForm.class)))
    @PostMapping(path = "/lessons/{lessonId}/resources", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CourseResource> uploadResource(@PathVariable ObjectId id, @PathVariable ObjectId lessonId,
            HttpServletRequest request) {
        CourseResource saved = this.uploads.receive(request,
                UploadRoute.document(() -> this.media.checkResourceOwner(id, lessonId)), (fields, files) -> this.media
                    .saveUploadedCourseResource(id, lessonId, fields.get("resourceName"), files.get(0)));
        return ResponseEntity.created(URI.create(saved.resourceUrl())).body(saved);
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

    @PostMapping(path = "/videos", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CourseVideo> addVideo(@PathVariable ObjectId id, @Valid @RequestBody CourseVideoRequest request) {
        CourseVideo saved = media.saveCourseVideo(id, request.toNewVideo());
        return ResponseEntity.created(URI.create("/api/courses/" + id.toHexString())).body(saved);
    }

    @DeleteMapping("/videos/{videoId}")
    ResponseEntity<Void> deleteVideo(@PathVariable ObjectId id, @PathVariable UUID videoId) {
        media.deleteCourseVideo(id, videoId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/videos/{videoId}/views")
    AccessCount countView(@PathVariable ObjectId id, @PathVariable UUID videoId) {
        return media.countVideoView(id, videoId);
    }

    @PostMapping(path = "/lessons/{lessonId}/resources", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CourseResource> addResource(@PathVariable ObjectId id, @PathVariable ObjectId lessonId,
            @Valid @RequestBody CourseResourceRequest request) {
        CourseResource saved = media.saveCourseResource(id, lessonId, request.toNewResource());
        return ResponseEntity.created(URI.create("/api/courses/" + id.toHexString())).body(saved);
    }

    @DeleteMapping("/resources/{resourceId}")
    ResponseEntity<Void> deleteResource(@PathVariable ObjectId id, @PathVariable UUID resourceId) {
        media.deleteCourseResource(id, resourceId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/resources/{resourceId}/accesses")
    AccessCount countAccess(@PathVariable ObjectId id, @PathVariable UUID resourceId) {
        return media.countResourceAccess(id, resourceId);
    }

}
