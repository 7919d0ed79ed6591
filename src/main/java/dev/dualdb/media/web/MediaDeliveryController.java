package dev.dualdb.media.web;

import java.io.IOException;
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
import org.springframework.web.bind.annotation.RestController;

import dev.dualdb.media.internal.MediaQuarantined;
import dev.dualdb.media.internal.RenditionNotFound;
import dev.dualdb.media.internal.StoredMedia;
import dev.dualdb.media.internal.StoredMediaLookup;

/** The one route for the bytes of any stored media, and of the thumbnails of images. */
@RestController
@Tag(name = "media bytes")
class MediaDeliveryController {

    private final StoredMediaLookup media;

    private final MediaDelivery delivery;

    MediaDeliveryController(StoredMediaLookup media, MediaDelivery delivery) {
        this.media = media;
        this.delivery = delivery;
    }

    @Operation(operationId = "getMediaBytes", summary = "Get the bytes of stored media",
            description = "Ranges (206, several as multipart/byteranges, 416 when none fits), ETag and conditional "
                    + "requests (304), long-lived immutable caching. Media of an owner that is gone is never served.")
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
    @ApiResponse(responseCode = "404", description = "`media-not-found`, `blob-not-found`")
    @RequestMapping(path = "/media/{id}", method = { RequestMethod.GET, RequestMethod.HEAD })
    void bytes(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        StoredMedia stored = this.media.find(id);
        if (stored.quarantined()) {
            throw new MediaQuarantined(id);
        }
        this.delivery.send(new MediaDelivery.Representation(id, stored.sha256(), stored.size(), stored.contentType(),
                stored.displayName(), stored.createdAt()), request, response);
    }

    @Operation(operationId = "getRenditionBytes", summary = "Get a thumbnail of a stored image",
            description = "The widths an image has are listed in its `renditions`; served like the image itself.")
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
    @ApiResponse(responseCode = "404", description = "`media-not-found`, `rendition-not-found`, `blob-not-found`")
    @RequestMapping(path = "/media/{id}/renditions/{width}", method = { RequestMethod.GET, RequestMethod.HEAD })
    void rendition(@PathVariable UUID id,
            @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1")) @PathVariable int width,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        StoredMedia stored = this.media.find(id);
        Optional<StoredMedia.Thumbnail> found = thumbnail(stored, width);
        if (found.isEmpty()) {
            // A cached entry may predate a thumbnail made since: look again once.
            stored = this.media.findFresh(id);
            found = thumbnail(stored, width);
        }
        StoredMedia.Thumbnail thumbnail = found.orElseThrow(() -> new RenditionNotFound(id, width));
        if (stored.quarantined() || thumbnail.quarantined()) {
            throw new MediaQuarantined(id);
        }
        String name = (stored.displayName() == null) ? null : width + "w-" + stored.displayName();
        this.delivery.send(new MediaDelivery.Representation(id, thumbnail.sha256(), thumbnail.size(),
                thumbnail.contentType(), name, stored.createdAt()), request, response);
    }

    private static Optional<StoredMedia.Thumbnail> thumbnail(StoredMedia stored, int width) {
        return stored.thumbnails().stream().filter((candidate) -> candidate.width() == width).findFirst();
    }

}
