package dev.dualdb.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.dualdb.blob.internal.BlobNotFound;
import dev.dualdb.blob.internal.ContentProbe;
import dev.dualdb.blob.internal.Rendition;
import dev.dualdb.blob.internal.Renditions;
import dev.dualdb.blob.internal.StagedBlob;

/**
 * Makes the thumbnails of an image that is already in the blob store, away from its
 * upload: the bytes are probed again (the truth is the bytes, not a row), decoded once,
 * scaled to every configured width that is still missing, and the thumbnails are
 * {@link BlobStore#put stored} as blobs of their own. Recording them (blob index and
 * {@code renditions} rows) is the caller's transaction. Which widths an image gets is
 * {@link #plannedWidths}: the configured ones narrower than the image, for types this JVM
 * decodes.
 */
@Service
public class RenditionMaker {

    private final BlobStore store;

    private final ContentProbe probe;

    private final Renditions renditions;

    private final AtomicLong decodes = new AtomicLong();

    private final UploadProperties properties;

    public RenditionMaker(BlobStore store, ContentProbe probe, Renditions renditions, UploadProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        this.properties = properties;
        this.store = store;
        this.probe = probe;
        this.renditions = renditions;
        // dualdb_renditions_decodes_total: images decoded to make thumbnails.
        meters.ifAvailable((registry) -> registry.more()
            .counter("dualdb.renditions.decodes", List.of(), this.decodes, AtomicLong::doubleValue));
    }

    /**
     * The thumbnail widths an image gets: the configured ones narrower than it, when this
     * JVM can decode its type (WebP gets none).
     * @param contentType the image's sniffed type
     * @param width its width in pixels as shown, or {@code null} when it is not an image
     * @return the widths, smallest first; possibly none
     */
    public List<Integer> plannedWidths(String contentType, Integer width) {
        if (width == null || !Renditions.canDecode(contentType)) {
            return List.of();
        }
        return this.renditions.widthsFor(width);
    }

    /**
     * The configured thumbnail widths ({@code dualdb.uploads.image.rendition-widths}).
     * @return the widths, smallest first
     */
    public List<Integer> widths() {
        return this.properties.image().renditionWidths();
    }

    /**
     * The accepted image types that get thumbnails (those this JVM decodes).
     * @return the types
     */
    public List<String> decodableTypes() {
        return this.properties.image().allowedTypes().stream().filter(Renditions::canDecode).toList();
    }

    /**
     * The height of a thumbnail, keeping the image's aspect ratio (as the thumbnail is
     * made).
     * @param width the thumbnail's width
     * @param imageWidth the image's width as shown
     * @param imageHeight the image's height as shown
     * @return the thumbnail's height in pixels
     */
    public static int heightOf(int width, int imageWidth, int imageHeight) {
        return Math.max(1, (int) Math.round((double) imageHeight * width / imageWidth));
    }

    /**
     * How many images this instance has decoded to make thumbnails since it started.
     * @return the count (also the metric {@code dualdb.renditions.decodes})
     */
    public long decodes() {
        return this.decodes.get();
    }

    /**
     * Makes and stores the thumbnails an image still lacks, decoding it once (not at all
     * when none is missing).
     * @param sha256 the image's hash
     * @param existingWidths the widths it has already
     * @return the thumbnails stored now, smallest first; none when the image needs no
     * more, or is of a type this JVM cannot decode
     * @throws BlobNotFound when the store does not hold the image
     * @throws RuntimeException when the bytes cannot be probed, read or decoded (for the
     * caller to retry)
     */
    public List<StoredRendition> make(String sha256, Collection<Integer> existingWidths) {
        Optional<Path> local = this.store.localPath(sha256);
        if (local.isPresent()) {
            return make(local.get(), existingWidths);
        }
        // A remote store: decode from a temporary copy, deleted when done.
        BlobContent content = this.store.open(sha256).orElseThrow(() -> new BlobNotFound(sha256));
        try (content; StagedBlob copy = this.store.stage(content.stream(), Long.MAX_VALUE)) {
            return make(copy.file(), existingWidths);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private List<StoredRendition> make(Path image, Collection<Integer> existingWidths) {
        ProbeResult probed = this.probe.probe(image, UploadKind.IMAGE, null, null);
        if (!probed.isImage()) {
            return List.of();
        }
        List<Integer> widths = plannedWidths(probed.contentType(), probed.width()).stream()
            .filter((width) -> !existingWidths.contains(width))
            .toList();
        if (widths.isEmpty()) {
            return List.of();
        }
        this.decodes.incrementAndGet();
        List<Rendition> made = this.renditions.make(image, probed, widths);
        return made.stream()
            .map((thumbnail) -> new StoredRendition(thumbnail.width(), thumbnail.height(), thumbnail.contentType(),
                    this.store.put(thumbnail.openStream(), thumbnail.bytes().length)))
            .toList();
    }

}
