package dev.dualdb.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.dualdb.access.AccessCase.Request;
import dev.dualdb.support.Multipart;

/**
 * The rows of the media operations: the generic {@code /api/media} routes follow the
 * owner's rules (the world's media belongs to the cast's student: that student and admins
 * see, count and change it; anyone else gets 404, or 401 without a token where the route
 * needs one); the bytes of public media (a product image and its thumbnail) are for
 * everyone. Private media bytes are in {@link MediaDeliveryAccessTests}.
 */
final class MediaRouteTable {

    private MediaRouteTable() {
    }

    static Map<String, List<AccessCase>> rows() {
        Map<String, List<AccessCase>> rows = new LinkedHashMap<>();
        rows.put("listMediaByReference", List.of(AccessCase.read(AccessCase.STUDENT_AND_ADMIN,
                (w, c) -> Request.of("GET", "/api/media?referenceType=USER&referenceId=" + c.cast().student().id()))));
        rows.put("getMedia", List.of(AccessCase.read(AccessCase.STUDENT_AND_ADMIN,
                (w, c) -> Request.of("GET", "/api/media/" + w.mediaId()))));
        rows.put("countMediaAccess", List.of(AccessCase.read(AccessCase.STUDENT_AND_ADMIN,
                (w, c) -> Request.of("POST", "/api/media/" + w.mediaId() + "/accesses"))));
        rows.put("deleteMedia", List.of(AccessCase.write(AccessCase.STUDENT_AND_ADMIN,
                (w, c) -> Request.of("DELETE", "/api/media/" + w.mediaId()))));
        rows.put("recordMedia", List.of(
                AccessCase
                    .write(AccessCase.STUDENT_AND_ADMIN,
                            (w, c) -> Request.of("POST", "/api/media",
                                    Map.of("referenceType", "USER", "referenceId", c.cast().student().id(), "mediaType",
                                            "IMAGE", "mediaUrl", "https://cdn.example.com/other.png")))
                    .labelled("json"),
                AccessCase
                    .write(AccessCase.STUDENT_AND_ADMIN,
                            (w, c) -> Request.of("POST", "/api/media",
                                    new Multipart().field("referenceType", "USER")
                                        .field("referenceId", c.cast().student().id())
                                        .field("mediaType", "IMAGE")
                                        .file("file", "a.png", "image/png", RouteTable.NOT_MEDIA)))
                    .labelled("multipart")));
        rows.put("getMediaBytes",
                List.of(AccessCase.read(AccessCase.EVERYONE, (w, c) -> Request.of("GET", c.cast().publicImage()))));
        rows.put("headMediaBytes",
                List.of(AccessCase.read(AccessCase.EVERYONE, (w, c) -> Request.of("HEAD", c.cast().publicImage()))));
        rows.put("getRenditionBytes",
                List.of(AccessCase.read(AccessCase.EVERYONE, (w, c) -> Request.of("GET", c.cast().publicThumbnail()))));
        rows.put("headRenditionBytes", List
            .of(AccessCase.read(AccessCase.EVERYONE, (w, c) -> Request.of("HEAD", c.cast().publicThumbnail()))));
        return rows;
    }

}
