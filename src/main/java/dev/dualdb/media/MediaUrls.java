package dev.dualdb.media;

import java.util.UUID;

/** Where the service serves stored bytes: one route for every kind of media. */
final class MediaUrls {

    private MediaUrls() {
    }

    static String of(UUID id) {
        return "/media/" + id;
    }

    static String rendition(UUID id, int width) {
        return "/media/" + id + "/renditions/" + width;
    }

}
