package dev.dualdb.media;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A thumbnail of a stored image and where to get it
 * ({@code /media/{id}/renditions/{width}}). Thumbnails are made after the upload, by a
 * background job; until then the link is listed with {@code ready} false, and a request
 * for it makes the thumbnail on the spot.
 *
 * @param width the width in pixels
 * @param height the height in pixels
 * @param url the path of the thumbnail's bytes
 * @param ready whether the thumbnail is stored already ({@code false}: it is made ahead
 * of time by a background job, or on its first request, whichever comes first)
 */
public record RenditionLink(int width, int height, String url, @Schema(
        description = "true when the thumbnail is stored; false when it is still to be made (by a background job, "
                + "or during its first request, which then takes longer)") boolean ready) {
}
