package dev.dualdb.course.web;

import java.net.URI;
import java.util.UUID;

import dev.dualdb.course.CourseMediaService;
import dev.dualdb.media.AccessCount;
import dev.dualdb.media.CourseResource;
import dev.dualdb.media.CourseVideo;
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
 * Routes for the videos and lesson resources of one course. The uploads given by URL take JSON; file uploads will be
 * {@code multipart/form-data} on the same paths.
 */
@RestController
@RequestMapping("/api/courses/{id}")
class CourseMediaController {

    private final CourseMediaService media;

    CourseMediaController(CourseMediaService media) {
        this.media = media;
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
