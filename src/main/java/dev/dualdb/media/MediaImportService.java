package dev.dualdb.media;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.dualdb.media.internal.BlobIndex;
import dev.dualdb.media.internal.CourseResourceRepository;
import dev.dualdb.media.internal.CourseVideoRepository;
import dev.dualdb.media.internal.ExternalUrl;
import dev.dualdb.media.internal.MediaInput;
import dev.dualdb.media.internal.MediaUploads;
import dev.dualdb.media.internal.MediaUrls;
import dev.dualdb.media.internal.ProductImageRepository;
import dev.dualdb.media.internal.ResourceTypes;
import dev.dualdb.postgres.AdvisoryLocks;
import dev.dualdb.system.InvalidInput;

/**
 * Media rows for an existing catalog being adopted ({@code java -jar dualdb.jar import}):
 * the same checks, the same blob intake (type sniffed from the bytes, allow-lists, size
 * and pixel limits, thumbnails) and the same rows as the API writes, under ids the
 * importer chooses. The rows are written in the caller's transaction, so the importer can
 * record what it imported in the same one.
 */
@Service
public class MediaImportService {

    /** The temporary-space cap of the importer's files, as one caller. */
    private static final String CALLER = "import";

    private final MediaUploads uploads;

    private final BlobIndex blobIndex;

    private final ProductImageRepository productImages;

    private final CourseVideoRepository courseVideos;

    private final CourseResourceRepository courseResources;

    MediaImportService(MediaUploads uploads, BlobIndex blobIndex, ProductImageRepository productImages,
            CourseVideoRepository courseVideos, CourseResourceRepository courseResources) {
        this.uploads = uploads;
        this.blobIndex = blobIndex;
        this.productImages = productImages;
        this.courseVideos = courseVideos;
        this.courseResources = courseResources;
    }

    /**
     * Takes bytes into the blob store as an upload of that kind of media would be taken:
     * an image for a product image, a video for a course video, a document for a
     * resource.
     * @param kind the table the row will go to
     * @param in the bytes, read to the end (not closed)
     * @param fileName the file's name, or {@code null}
     * @return the stored and checked file, not yet recorded
     * @throws dev.dualdb.system.DomainException named after what is wrong with the bytes
     * ({@code unsupported-media-type}, {@code file-too-large} …)
     */
    public UploadedFile storeBytes(MediaKind kind, InputStream in, String fileName) {
        MediaType type = switch (kind) {
            case PRODUCT_IMAGE -> MediaType.IMAGE;
            case COURSE_VIDEO -> MediaType.VIDEO;
            case COURSE_RESOURCE, MEDIA_STORAGE -> MediaType.DOCUMENT;
        };
        return this.uploads.accept(type, in, null, fileName, CALLER);
    }

    /**
     * Gives up stored files whose rows were not written (queued for the collector).
     * @param files the files
     */
    public void discard(List<UploadedFile> files) {
        this.uploads.discard(files);
    }

    /**
     * The platform a video link is on, from its host.
     * @param url an absolute http(s) URL
     * @return {@code YOUTUBE}, {@code VIMEO} or {@code EXTERNAL}
     * @throws InvalidInput ({@code invalid-url}) if it is not one
     */
    public VideoType platformOf(String url) {
        return ExternalUrl.platformOf(url);
    }

    /**
     * The resource type of a file known by its name or URL only.
     * @param nameOrUrl the name or URL
     * @return its type by extension
     */
    public ResourceType resourceTypeOf(String nameOrUrl) {
        return ResourceTypes.ofFileName(nameOrUrl);
    }

    /**
     * Checks a row as the API checks what a client sends (lengths, lesson id, and the URL
     * of a row recorded by URL).
     * @param media the row
     * @param byUrl whether it is recorded by URL ({@code false}: bytes will be copied)
     * @throws InvalidInput if the API would refuse it
     */
    public void check(ImportedMedia media, boolean byUrl) {
        MediaInput.lessonId(media.lessonId());
        MediaInput.duration(media.duration());
        switch (media.kind()) {
            case PRODUCT_IMAGE -> MediaInput.optionalText("altText", media.text(), 500);
            case COURSE_VIDEO -> MediaInput.text("title", media.text(), 300);
            case COURSE_RESOURCE -> {
                MediaInput.text("resourceName", media.text(), 300);
                MediaInput.required("lessonId", media.lessonId());
            }
            case MEDIA_STORAGE -> throw new InvalidInput("invalid-kind", "Only the three catalog tables are imported");
        }
        if (byUrl) {
            if (media.kind() == MediaKind.COURSE_VIDEO) {
                ExternalUrl.checkVideo(media.url(), media.videoType());
            }
            else {
                ExternalUrl.check(media.url());
            }
        }
    }

    /**
     * Writes the rows in the caller's transaction: the blob-index rows of copied bytes,
     * then one metadata row each, as the API writes them. An image becomes its product's
     * primary one only if the product has none (under the lock the image routes take).
     * @param jdbc the client of the caller's transaction
     * @param rows rows that passed {@link #check(ImportedMedia, boolean)}
     */
    public void insert(JdbcClient jdbc, List<ImportedMedia> rows) {
        List<UploadedFile> files = rows.stream().map(ImportedMedia::file).filter(Objects::nonNull).toList();
        if (!files.isEmpty()) {
            this.blobIndex.index(jdbc, files);
        }
        Set<String> products = new TreeSet<>();
        rows.stream()
            .filter((row) -> row.kind() == MediaKind.PRODUCT_IMAGE)
            .forEach((row) -> products.add(row.ownerId()));
        AdvisoryLocks.lockAllForTransaction(jdbc,
                products.stream().map((product) -> "product_images:" + product).toList());
        Set<String> primaryGiven = products.isEmpty() ? new TreeSet<>()
                : new TreeSet<>(this.productImages.withPrimary(jdbc, products));
        List<ProductImage> images = new ArrayList<>();
        List<String> imageBlobs = new ArrayList<>();
        List<CourseVideo> videos = new ArrayList<>();
        List<String> videoBlobs = new ArrayList<>();
        List<CourseResource> resources = new ArrayList<>();
        List<String> resourceBlobs = new ArrayList<>();
        for (ImportedMedia row : rows) {
            String blob = (row.file() != null) ? row.file().sha256() : null;
            switch (row.kind()) {
                case PRODUCT_IMAGE -> {
                    images.add(image(row, row.primaryCandidate() && primaryGiven.add(row.ownerId())));
                    imageBlobs.add(blob);
                }
                case COURSE_VIDEO -> {
                    videos.add(video(row));
                    videoBlobs.add(blob);
                }
                case COURSE_RESOURCE -> {
                    resources.add(resource(row));
                    resourceBlobs.add(blob);
                }
                case MEDIA_STORAGE -> throw new IllegalArgumentException("not imported: " + row.kind());
            }
        }
        this.productImages.insertAll(jdbc, images, imageBlobs);
        this.courseVideos.insertAll(jdbc, videos, videoBlobs);
        this.courseResources.insertAll(jdbc, resources, resourceBlobs);
    }

    private static ProductImage image(ImportedMedia row, boolean primary) {
        UploadedFile file = row.file();
        String alt = (row.text() == null || row.text().isBlank()) ? null : row.text();
        if (file != null) {
            return new ProductImage(row.id(), row.ownerId(), MediaUrls.of(row.id()), file.displayName(), file.size(),
                    file.contentType(), StorageType.valueOf(file.storageType()), row.position(), primary, alt,
                    file.width(), file.height(), null, null, List.of());
        }
        return new ProductImage(row.id(), row.ownerId(), ExternalUrl.check(row.url()), null, null, null,
                StorageType.EXTERNAL, row.position(), primary, alt, null, null, null, null, List.of());
    }

    private static CourseVideo video(ImportedMedia row) {
        UploadedFile file = row.file();
        String title = row.text().strip();
        if (file != null) {
            return new CourseVideo(row.id(), row.ownerId(), row.lessonId(), title, MediaUrls.of(row.id()),
                    VideoType.UPLOAD, file.displayName(), file.size(), file.contentType(),
                    (file.durationSeconds() != null) ? file.durationSeconds() : row.duration(),
                    StorageType.valueOf(file.storageType()), row.isPreview(), 0, null, null, null);
        }
        return new CourseVideo(row.id(), row.ownerId(), row.lessonId(), title,
                ExternalUrl.checkVideo(row.url(), row.videoType()), row.videoType(), null, null, null, row.duration(),
                StorageType.EXTERNAL, row.isPreview(), 0, null, null, null);
    }

    private static CourseResource resource(ImportedMedia row) {
        UploadedFile file = row.file();
        String name = row.text().strip();
        if (file != null) {
            return new CourseResource(row.id(), row.ownerId(), row.lessonId(), name,
                    ResourceTypes.of(file.contentType()), MediaUrls.of(row.id()), file.displayName(), file.size(),
                    file.contentType(), file.pageCount(), StorageType.valueOf(file.storageType()), 0, null, null, null);
        }
        return new CourseResource(row.id(), row.ownerId(), row.lessonId(), name, row.resourceType(),
                ExternalUrl.check(row.url()), null, null, null, null, StorageType.EXTERNAL, 0, null, null, null);
    }

}
