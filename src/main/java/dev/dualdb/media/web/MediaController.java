package dev.dualdb.media.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.dualdb.media.AccessCount;
import dev.dualdb.media.MediaKind;
import dev.dualdb.media.MediaService;
import dev.dualdb.media.MediaStorage;
import dev.dualdb.media.OwnerKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.bson.types.ObjectId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routes for any media recorded against a product, course, lesson or user
 * ({@code media_storage}).
 */
@RestController
@RequestMapping("/api/media")
class MediaController {

    private final MediaService media;

    private final UploadReceiver uploads;

    MediaController(MediaService media, UploadReceiver uploads) {
        this.media = media;
        this.uploads = uploads;
    }

    /**
     * Uploads a file against any owner: fields {@code referenceType}, {@code referenceId}
     * and {@code mediaType} first (the owner is checked before the bytes are read), then
     * {@code file}.
     */
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = MediaFileForm.class)))
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MediaStorage> upload(HttpServletRequest request) {
        UploadRoute route = UploadRoute.oneFile(UploadRoute.NO_OWNER_IN_PATH, (fields) -> {
            UploadTarget target = UploadTarget.of(fields);
            this.media.checkOwner(target.referenceType(), target.referenceId());
            return target.mediaType();
        });
        MediaStorage saved = this.uploads.receive(request, route, (fields, files) -> {
            UploadTarget target = UploadTarget.of(fields);
            return this.media.saveUploadedMedia(target.referenceType(), target.referenceId(), target.mediaType(),
                    files.get(0));
        });
        return ResponseEntity.created(URI.create("/api/media/" + saved.id())).body(saved);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MediaStorage> create(@Valid @RequestBody NewMediaRequest request) {
        MediaStorage saved = media.saveMediaStorage(request.toNewMedia());
        return ResponseEntity.created(URI.create("/api/media/" + saved.id())).body(saved);
    }

    @GetMapping
    List<MediaStorage> byReference(@RequestParam OwnerKind referenceType, @RequestParam ObjectId referenceId) {
        return media.getMediaByReference(referenceType, referenceId);
    }

    @GetMapping("/{id}")
    MediaStorage one(@PathVariable UUID id) {
        return media.getMediaStorage(id);
    }

    @PostMapping("/{id}/accesses")
    AccessCount countAccess(@PathVariable UUID id) {
        return media.updateMediaAccessCount(MediaKind.MEDIA_STORAGE, null, id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        media.deleteMedia(MediaKind.MEDIA_STORAGE, null, id);
        return ResponseEntity.noContent().build();
    }

}
