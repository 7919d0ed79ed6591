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
import dev.dualdb.media.MediaLinks;
import dev.dualdb.media.MediaService;
import dev.dualdb.media.MediaStorage;
import dev.dualdb.media.OwnerKind;
import dev.dualdb.media.internal.OwnerMediaAccess;
import dev.dualdb.security.Caller;

/**
 * Routes for any media recorded against a product, course, lesson or user
 * ({@code media_storage}). Who may see and change it follows its owner
 * ({@link OwnerMediaAccess}): media of a product is public and changed by admins; of a
 * course or lesson, seen by its learners and changed by its editors; of a user, that
 * user's and admins'. Private media comes with a signed {@code mediaUrl}.
 */
@RestController
@RequestMapping("/api/media")
@Tag(name = "media")
class MediaController {

    private final MediaService media;

    private final UploadReceiver uploads;

    private final OwnerMediaAccess access;

    private final MediaLinks links;

    MediaController(MediaService media, UploadReceiver uploads, OwnerMediaAccess access, MediaLinks links) {
        this.media = media;
        this.uploads = uploads;
        this.access = access;
        this.links = links;
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
        Caller caller = Caller.current();
        UploadRoute route = UploadRoute.oneFile(UploadRoute.NO_OWNER_IN_PATH, (fields) -> {
            UploadTarget target = UploadTarget.of(fields);
            this.access.requireWrite(target.referenceType(), target.referenceId(), caller);
            return target.mediaType();
        });
        MediaStorage saved = this.uploads.receive(request, route, (fields, files) -> {
            UploadTarget target = UploadTarget.of(fields);
            return this.media.saveUploadedMedia(target.referenceType(), target.referenceId(), target.mediaType(),
                    files.get(0));
        });
        return ResponseEntity.created(URI.create("/api/media/" + saved.id())).body(this.links.forViewer(saved));
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
        if (request.referenceType() != null && request.referenceId() != null) {
            this.access.requireWrite(request.referenceType(), request.referenceId(), Caller.current());
        }
        MediaStorage saved = this.media.saveMediaStorage(request.toNewMedia());
        return ResponseEntity.created(URI.create("/api/media/" + saved.id())).body(this.links.forViewer(saved));
    }

    @Operation(operationId = "listMediaByReference", summary = "List the media recorded against one owner")
    @ApiResponse(responseCode = "200", description = "The media of the owner, oldest first", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404",
            description = "`product-not-found`, `course-not-found`, `lesson-not-found`, "
                    + "`user-not-found`: the owner does not exist, or the caller may not see its media")
    @GetMapping
    List<MediaStorage> byReference(@RequestParam OwnerKind referenceType, @RequestParam ObjectId referenceId) {
        this.access.requireRead(referenceType, referenceId.toHexString(), Caller.current());
        return this.media.getMediaByReference(referenceType, referenceId).stream().map(this.links::forViewer).toList();
    }

    @Operation(operationId = "getMedia", summary = "Get one media record")
    @ApiResponse(responseCode = "200", description = "The media record", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "`media-not-found`: no such media, or the caller may not see it")
    @GetMapping("/{id}")
    MediaStorage one(@PathVariable UUID id) {
        MediaStorage media = this.media.getMediaStorage(id);
        this.access.requireRead(media, Caller.current());
        return this.links.forViewer(media);
    }

    @Operation(operationId = "countMediaAccess", summary = "Count one access to a media record",
            description = "Counts it in memory; the counts are written to PostgreSQL every "
                    + "`dualdb.media.access-count-flush-interval` (1 s). The answer is the count written so far "
                    + "plus this instance's counts not yet written: exact on one instance, behind by at most one "
                    + "interval of the other instances' counts. A user's accesses to one piece of media count once "
                    + "per `dualdb.media.view-window` (30 min): the others answer `counted: false`.")
    @ApiResponse(responseCode = "200", description = "The count, this access included", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "`media-not-found`: no such media, or the caller may not see it")
    @PostMapping("/{id}/accesses")
    AccessCount countAccess(@PathVariable UUID id) {
        this.access.requireRead(this.media.getMediaStorage(id), Caller.current());
        return this.media.updateMediaAccessCount(MediaKind.MEDIA_STORAGE, null, id);
    }

    @Operation(operationId = "deleteMedia", summary = "Delete a media record",
            description = "The row goes at once; the bytes go when nothing refers to them any more.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "404", description = "`media-not-found`: no such media, or the caller may not see it")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        this.access.requireWrite(this.media.getMediaStorage(id), Caller.current());
        this.media.deleteMedia(MediaKind.MEDIA_STORAGE, null, id);
        return ResponseEntity.noContent().build();
    }

}
