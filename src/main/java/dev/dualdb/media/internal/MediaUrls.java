package dev.dualdb.media.internal;

import java.util.UUID;

/** Where the service serves stored bytes: one route for every kind of media. */
public final class MediaUrls {

    private MediaUrls() {
    }

    public static String of(UUID id) {
        return "/media/" + id;
    }

    public static String rendition(UUID id, int width) {
        return "/media/" + id + "/renditions/" + width;
    }

}
