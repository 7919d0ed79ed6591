package dev.dualdb.media.web;

import java.io.IOException;
import java.util.UUID;

import dev.dualdb.media.internal.StoredMediaLookup;
import dev.dualdb.media.internal.RenditionNotFound;
import dev.dualdb.media.internal.StoredMedia;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** The one route for the bytes of any stored media, and of the thumbnails of images. */
@RestController
class MediaDeliveryController {

    private final StoredMediaLookup media;

    private final MediaDelivery delivery;

    MediaDeliveryController(StoredMediaLookup media, MediaDelivery delivery) {
        this.media = media;
        this.delivery = delivery;
    }

    @RequestMapping(path = "/media/{id}", method = { RequestMethod.GET, RequestMethod.HEAD })
    void bytes(@PathVariable UUID id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        StoredMedia stored = media.find(id);
        delivery.send(new MediaDelivery.Representation(stored.sha256(), stored.size(), stored.contentType(),
                stored.displayName(), stored.createdAt()), request, response);
    }

    @RequestMapping(path = "/media/{id}/renditions/{width}", method = { RequestMethod.GET, RequestMethod.HEAD })
    void rendition(@PathVariable UUID id, @PathVariable int width, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        StoredMedia stored = media.find(id);
        StoredMedia.Thumbnail thumbnail = stored.thumbnails()
            .stream()
            .filter(candidate -> candidate.width() == width)
            .findFirst()
            .orElseThrow(() -> new RenditionNotFound(id, width));
        String name = stored.displayName() == null ? null : width + "w-" + stored.displayName();
        delivery.send(new MediaDelivery.Representation(thumbnail.sha256(), thumbnail.size(), thumbnail.contentType(),
                name, stored.createdAt()), request, response);
    }

}
