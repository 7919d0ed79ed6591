package dev.dualdb.media.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.dualdb.media.MediaKind;
import dev.dualdb.media.internal.MediaNotFound;
import dev.dualdb.media.internal.MediaQuarantined;
import dev.dualdb.media.internal.MediaUrlSigner;
import dev.dualdb.media.internal.MissingRenditions;
import dev.dualdb.media.internal.RenditionNotFound;
import dev.dualdb.media.internal.StoredMedia;
import dev.dualdb.media.internal.StoredMediaLookup;
import dev.dualdb.media.internal.StoredMediaRepository;
import dev.dualdb.security.Caller;

/**
 * The one route for the bytes of any stored media, and of the thumbnails of images.
 * Public media (product images, preview videos, other media of products) goes to anyone
 * and may be cached by anyone; private media only with a signed URL, or with the bearer
 * token of a caller who may see it, and never into a shared cache. Private media the
 * caller may not see is answered as if it did not exist.
 */
@RestController
@Tag(name = "media bytes")
class MediaDeliveryController {

    /**
     * The bytes behind a media id never change (content-addressed, no replace): public
     * media is cached for a year.
     */
    private static final String PUBLIC = "public, max-age=31536000, immutable";

    /** Private media reached with a token: only the browser keeps it, and asks again. */
    private static final String PRIVATE = "private, no-cache";

    private final StoredMediaLookup media;

    private final MediaDelivery delivery;

    private final MediaUrlSigner signer;

    private final MissingRenditions missing;

    MediaDeliveryController(StoredMediaLookup media, MediaDelivery delivery, MediaUrlSigner signer,
            MissingRenditions missing) {
        this.missing = missing;
        this.media = media;
        this.delivery = delivery;
        this.signer = signer;
    }

    @Operation(operationId = "getMediaBytes", summary = "Get the bytes of stored media",
            description = "Ranges (206, several as multipart/byteranges, 416 when none fits), ETag and conditional "
                    + "requests (304). Public media (product images, preview videos, other media of products) to "
                    + "anyone, cached as immutable for a year; private media only through a signed URL handed out by "
                    + "the API, or with the bearer token of a caller who may see it, with `Cache-Control: private`. "
                    + "Media of an owner that is gone is never served.")
    @Parameter(in = ParameterIn.HEADER, name = "Range", description = "One or more byte ranges, such as bytes=0-1023",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.HEADER, name = "If-Range",
            description = "Serve the ranges only if this ETag still " + "matches", schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.HEADER, name = "If-None-Match", description = "304 if one of these ETags matches",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.HEADER, name = "If-Modified-Since", description = "304 if not modified since",
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "The bytes, with the type sniffed at upload",
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")),
            headers = {
                    @Header(name = "ETag", description = "The SHA-256 of the bytes", schema = @Schema(type = "string")),
                    @Header(name = "Last-Modified", schema = @Schema(type = "string")),
                    @Header(name = "Cache-Control", schema = @Schema(type = "string")),
                    @Header(name = "Accept-Ranges", schema = @Schema(type = "string", allowableValues = "bytes")),
                    @Header(name = "Content-Disposition",
                            description = "inline for images, video and PDF; attachment otherwise",
                            schema = @Schema(type = "string")),
                    @Header(name = "X-Content-Type-Options",
                            schema = @Schema(type = "string", allowableValues = "nosniff")) })
    @ApiResponse(responseCode = "206", description = "The requested range; several ranges as multipart/byteranges",
            content = {
                    @Content(mediaType = "multipart/byteranges", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")) },
            headers = @Header(name = "Content-Range", description = "With a single range: bytes first-last/size",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "302", description = "With an S3 store set to presign: a short-lived URL of the bytes",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "Not modified (If-None-Match or If-Modified-Since)",
            headers = @Header(name = "ETag", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "416", description = "No requested range lies within the bytes",
            headers = @Header(name = "Content-Range", required = true, description = "bytes */size",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409",
            description = "`media-quarantined`: the stored bytes no longer match their "
                    + "SHA-256 (damaged in the store); they are not served until an operator restores them")
    @Parameter(in = ParameterIn.QUERY, name = "expires",
            description = "Signed URL: when it expires, in seconds since the epoch", schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "kid", description = "Signed URL: the id of the key that signed it",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "sig",
            description = "Signed URL: base64url HMAC-SHA256 over the media id, `expires` and `kid`",
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "403",
            description = "`media-url-invalid`: a signed URL whose signature does not match (tampered, made for "
                    + "other media, unknown key, a parameter missing)\n- `media-url-expired`: a signed URL past its "
                    + "expiry")
    @ApiResponse(responseCode = "404",
            description = "`media-not-found` (also private media the caller may not see), `blob-not-found`")
    @RequestMapping(path = "/media/{id}", method = { RequestMethod.GET, RequestMethod.HEAD })
    void bytes(@PathVariable UUID id, @RequestParam(required = false) String expires,
            @RequestParam(required = false) String kid, @RequestParam(required = false) String sig,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Access access = access(id, expires, kid, sig);
        StoredMedia stored = access.found().media();
        if (stored.quarantined()) {
            throw new MediaQuarantined(id);
        }
        this.delivery.send(new MediaDelivery.Representation(id, stored.sha256(), stored.size(), stored.contentType(),
                stored.displayName(), stored.createdAt()), access.cacheControl(), request, response);
    }

    @Operation(operationId = "getRenditionBytes", summary = "Get a thumbnail of a stored image",
            description = "The widths an image gets are listed in its `renditions`; served like the image itself. "
                    + "Thumbnails are made after the upload by a background job; one asked for before the job got to "
                    + "it (`ready: false`) is made during this request (one decode per image however many ask at "
                    + "once) and then served. A width that is not listed answers 404 `rendition-not-found`.")
    @Parameter(in = ParameterIn.HEADER, name = "Range", description = "One or more byte ranges, such as bytes=0-1023",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.HEADER, name = "If-Range",
            description = "Serve the ranges only if this ETag still " + "matches", schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.HEADER, name = "If-None-Match", description = "304 if one of these ETags matches",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.HEADER, name = "If-Modified-Since", description = "304 if not modified since",
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "The bytes, with the type sniffed at upload",
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")),
            headers = {
                    @Header(name = "ETag", description = "The SHA-256 of the bytes", schema = @Schema(type = "string")),
                    @Header(name = "Last-Modified", schema = @Schema(type = "string")),
                    @Header(name = "Cache-Control", schema = @Schema(type = "string")),
                    @Header(name = "Accept-Ranges", schema = @Schema(type = "string", allowableValues = "bytes")),
                    @Header(name = "Content-Disposition",
                            description = "inline for images, video and PDF; attachment otherwise",
                            schema = @Schema(type = "string")),
                    @Header(name = "X-Content-Type-Options",
                            schema = @Schema(type = "string", allowableValues = "nosniff")) })
    @ApiResponse(responseCode = "206", description = "The requested range; several ranges as multipart/byteranges",
            content = {
                    @Content(mediaType = "multipart/byteranges", schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")) },
            headers = @Header(name = "Content-Range", description = "With a single range: bytes first-last/size",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "302", description = "With an S3 store set to presign: a short-lived URL of the bytes",
            headers = @Header(name = "Location", required = true, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "Not modified (If-None-Match or If-Modified-Since)",
            headers = @Header(name = "ETag", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "416", description = "No requested range lies within the bytes",
            headers = @Header(name = "Content-Range", required = true, description = "bytes */size",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409",
            description = "`media-quarantined`: the stored bytes no longer match their "
                    + "SHA-256 (damaged in the store); they are not served until an operator restores them")
    @Parameter(in = ParameterIn.QUERY, name = "expires",
            description = "Signed URL: when it expires, in seconds since the epoch", schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "kid", description = "Signed URL: the id of the key that signed it",
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.QUERY, name = "sig",
            description = "Signed URL: base64url HMAC-SHA256 over the media id, `expires` and `kid`",
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "403",
            description = "`media-url-invalid`: a signed URL whose signature does not match (tampered, made for "
                    + "other media, unknown key, a parameter missing)\n- `media-url-expired`: a signed URL past its "
                    + "expiry")
    @ApiResponse(responseCode = "404",
            description = "`media-not-found` (also private media the caller may not see), "
                    + "`rendition-not-found`, `blob-not-found`")
    @RequestMapping(path = "/media/{id}/renditions/{width}", method = { RequestMethod.GET, RequestMethod.HEAD })
    void rendition(@PathVariable UUID id,
            @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1")) @PathVariable int width,
            @RequestParam(required = false) String expires, @RequestParam(required = false) String kid,
            @RequestParam(required = false) String sig, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Access access = access(id, expires, kid, sig);
        StoredMedia stored = access.found().media();
        Optional<StoredMedia.Thumbnail> found = thumbnail(stored, width);
        if (found.isEmpty()) {
            // A cached entry may predate a thumbnail made since: look again once.
            stored = this.media.findFresh(id);
            found = thumbnail(stored, width);
        }
        if (found.isEmpty() && this.missing.makeOnRequest(stored, width)) {
            // Not made yet by the worker: made now (once however many ask), then
            // delivered like any other; the fresh look-up refreshes the cached entry.
            stored = this.media.findFresh(id);
            found = thumbnail(stored, width);
        }
        StoredMedia.Thumbnail thumbnail = found.orElseThrow(() -> new RenditionNotFound(id, width));
        if (stored.quarantined() || thumbnail.quarantined()) {
            throw new MediaQuarantined(id);
        }
        String name = (stored.displayName() == null) ? null : width + "w-" + stored.displayName();
        this.delivery.send(new MediaDelivery.Representation(id, thumbnail.sha256(), thumbnail.size(),
                thumbnail.contentType(), name, stored.createdAt()), access.cacheControl(), request, response);
    }

    // Decides whether the bytes go out and how they may be cached. A signed URL is
    // checked
    // before anything is looked up, so a refused one tells nothing of the media; a valid
    // one needs no look-up beyond the (cached) media itself.
    private Access access(UUID id, String expires, String kid, String sig) {
        if (expires != null || kid != null || sig != null) {
            Instant expiry = this.signer.verify(id, expires, kid, sig);
            StoredMediaRepository.Found found = this.media.locate(id);
            long left = Math.max(0, Duration.between(Instant.now(), expiry).toSeconds());
            return new Access(found, (found.isPublic()) ? PUBLIC : "private, max-age=" + left);
        }
        StoredMediaRepository.Found found = this.media.locate(id);
        if (found.isPublic()) {
            return new Access(found, PUBLIC);
        }
        if (!this.media.mayRead(found, Caller.current())) {
            throw new MediaNotFound(MediaKind.MEDIA_STORAGE, id);
        }
        return new Access(found, PRIVATE);
    }

    private static Optional<StoredMedia.Thumbnail> thumbnail(StoredMedia stored, int width) {
        return stored.thumbnails().stream().filter((candidate) -> candidate.width() == width).findFirst();
    }

    private record Access(StoredMediaRepository.Found found, String cacheControl) {
    }

}
