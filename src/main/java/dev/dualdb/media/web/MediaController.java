package dev.dualdb.media.web;

import java.net.URI;
import java.util.List;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.dualdb.media.AccessCount;
import dev.dualdb.media.MediaKind;
import dev.dualdb.media.MediaService;
import dev.dualdb.media.MediaStorage;
import dev.dualdb.media.OwnerKind;

/**
 * Routes for any media recorded against a product, course, lesson or user
 * ({@code media_storage}).
 */
@RestController
@RequestMapping("/api/media")
@Tag(name = "media")
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
     * @param request the multipart request, read as it streams in
     * @return 201 with the stored media
     */
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = MediaFileForm.class)))
    @Operation(operationId = "recordMedia", summary = "Record media against a product, course, lesson or user")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "400", description = "With a file:\n- `validation-failed`: `referenceType`, "
            + "`referenceId` or `mediaType` missing or unknown before the file\n- `no-file`: no part named " + "`file`")
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

    @Operation(operationId = "recordMedia", summary = "Record media against a product, course, lesson or user",
            description = "As JSON, media given by URL; as multipart/form-data, the fields `referenceType`, "
                    + "`referenceId` and `mediaType` first (the owner is checked before any byte is read), then the "
                    + "file in a part named `file`.")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "400", description = "`invalid-url`: not an absolute http(s) URL")
    @ApiResponse(responseCode = "404",
            description = "`product-not-found`, `course-not-found`, `lesson-not-found`, "
                    + "`user-not-found`: the owner does not exist")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MediaStorage> create(@Valid @RequestBody NewMediaRequest request) {
        MediaStorage saved = this.media.saveMediaStorage(request.toNewMedia());
        return ResponseEntity.created(URI.create("/api/media/" + saved.id())).body(saved);
    }

    @Operation(operationId = "listMediaByReference", summary = "List the media recorded against one owner")
    @ApiResponse(responseCode = "200", description = "The media of the owner, oldest first", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404",
            description = "`product-not-found`, `course-not-found`, `lesson-not-found`, "
                    + "`user-not-found`: the owner does not exist")
    @GetMapping
    List<MediaStorage> byReference(@RequestParam OwnerKind referenceType, @RequestParam ObjectId referenceId) {
        return this.media.getMediaByReference(referenceType, referenceId);
    }

    @Operation(operationId = "getMedia", summary = "Get one media record")
    @ApiResponse(responseCode = "200", description = "The media record", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "`media-not-found`")
    @GetMapping("/{id}")
    MediaStorage one(@PathVariable UUID id) {
        return this.media.getMediaStorage(id);
    }

    @Operation(operationId = "countMediaAccess", summary = "Count one access to a media record",
            description = "Counts it in memory; the counts are written to PostgreSQL every "
                    + "`dualdb.media.access-count-flush-interval` (1 s). The answer is the count written so far "
                    + "plus this instance's counts not yet written: exact on one instance, behind by at most one "
                    + "interval of the other instances' counts.")
    @ApiResponse(responseCode = "200", description = "The count, this access included", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "`media-not-found`")
    @PostMapping("/{id}/accesses")
    AccessCount countAccess(@PathVariable UUID id) {
        return this.media.updateMediaAccessCount(MediaKind.MEDIA_STORAGE, null, id);
    }

    @Operation(operationId = "deleteMedia", summary = "Delete a media record",
            description = "The row goes at once; the bytes go when nothing refers to them any more.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "404", description = "`media-not-found`")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        this.media.deleteMedia(MediaKind.MEDIA_STORAGE, null, id);
        return ResponseEntity.noContent().build();
    }

}
