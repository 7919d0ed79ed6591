package dev.dualdb.media;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One media row that an import of an existing catalog asks to write, under an id the
 * importer chose (derived from where the media was found, so that a second run finds it).
 * Its bytes are either recorded by URL ({@code file == null}: stored as
 * {@link StorageType#EXTERNAL}) or were copied into the blob store first.
 *
 * @param kind the table: {@code PRODUCT_IMAGE}, {@code COURSE_VIDEO} or
 * {@code COURSE_RESOURCE}
 * @param id the row's id
 * @param ownerId the product or course (24 hex characters)
 * @param lessonId the lesson of a video or resource, or {@code null}
 * @param url the URL to record when nothing was copied, or the source URL otherwise
 * @param text the image's alt text, the video's title or the resource's name
 * @param position the image's place among the product's images
 * @param primaryCandidate whether the image may become the product's primary one (it does
 * only if the product has none yet)
 * @param videoType the platform a video link points at, or {@code null} for copied bytes
 * @param resourceType the kind of a resource recorded by URL ({@code null} for copied
 * bytes: it comes from the sniffed type)
 * @param duration a video's length in seconds, if the catalog knew it
 * @param isPreview whether a video may be watched without enrolling
 * @param file the bytes copied into the blob store, or {@code null}
 */
public record ImportedMedia(MediaKind kind, UUID id, String ownerId, String lessonId, String url, String text,
        int position, boolean primaryCandidate, VideoType videoType, ResourceType resourceType, BigDecimal duration,
        boolean isPreview, UploadedFile file) {

    /**
     * The same row with copied bytes.
     * @param stored the bytes as stored
     * @return a copy pointing at {@code stored}
     */
    public ImportedMedia withFile(UploadedFile stored) {
        return new ImportedMedia(this.kind, this.id, this.ownerId, this.lessonId, this.url, this.text, this.position,
                this.primaryCandidate, this.videoType, this.resourceType, this.duration, this.isPreview, stored);
    }

}
