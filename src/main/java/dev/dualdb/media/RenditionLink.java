package dev.dualdb.media;

/**
 * A thumbnail of a stored image and where to get it
 * ({@code /media/{id}/renditions/{width}}).
 *
 * @param width the width in pixels
 * @param height the height in pixels
 * @param url the path of the thumbnail's bytes
 */
public record RenditionLink(int width, int height, String url) {
}
