package dev.dualdb.media.internal;

import java.util.UUID;

import dev.dualdb.media.MediaKind;
import dev.dualdb.system.DomainException;

/** No media of that kind with that id (for that owner). */
public class MediaNotFound extends DomainException {

    public MediaNotFound(MediaKind kind, UUID id) {
        super(Kind.NOT_FOUND, "media-not-found", "No " + describe(kind) + " with id " + id);
    }

    private static String describe(MediaKind kind) {
        return switch (kind) {
            case PRODUCT_IMAGE -> "product image";
            case COURSE_VIDEO -> "course video";
            case COURSE_RESOURCE -> "course resource";
            case MEDIA_STORAGE -> "media";
        };
    }

}
