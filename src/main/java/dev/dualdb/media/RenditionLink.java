package dev.dualdb.media;

/**
 * A thumbnail of a stored image and where to get it
 * ({@code /media/{id}/renditions/{width}}).
 */
public record RenditionLink(int width, int height, String url) {
}
