package dev.dualdb.media;

import dev.dualdb.media.internal.ExternalUrl;
import dev.dualdb.media.internal.MediaInput;
import dev.dualdb.media.internal.MediaNotFound;
import dev.dualdb.media.internal.MediaOwnerNotFound;
import dev.dualdb.media.internal.MediaUrls;
import dev.dualdb.media.internal.ResourceTypes;
import dev.dualdb.media.internal.RowIds;
import dev.dualdb.media.internal.StoredMedia;
import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.postgres.PostgresUnavailable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.dualdb.media.internal.BlobIndex;
import dev.dualdb.system.Steps;
import dev.dualdb.media.internal.BlobReferences;
import dev.dualdb.media.internal.StoredMediaRepository;
import dev.dualdb.media.internal.CourseResourceRepository;
import dev.dualdb.media.internal.CourseVideoRepository;
import dev.dualdb.media.internal.DeletedRow;

import dev.dualdb.media.internal.MediaStorageRepository;
import dev.dualdb.postgres.AdvisoryLocks;
import dev.dualdb.media.internal.ProductImageRepository;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

/**
 * The original design's ten media operations ({@code saveProductImage} …
 * {@code deleteMedia}) over the four PostgreSQL tables, plus the batch and owner-wide
 * variants the routes need. Every method throws {@link PostgresUnavailable} when
 * PostgreSQL is disabled or unreachable, and {@link MediaNotFound} for an unknown id;
 * none swallows an error. Owners (products, courses, lessons, users) are checked by the
 * caller or through the {@link MediaOwnerDirectory} beans: this module knows nothing of
 * MongoDB.
 */
@Service
public class MediaService {

    private final PostgresDatabase database;

    private final ProductImageRepository productImages;

    private final CourseVideoRepository courseVideos;

    private final CourseResourceRepository courseResources;

    private final MediaStorageRepository mediaStorage;

    private final List<MediaOwnerDirectory> owners;

    private final BlobIndex blobIndex;

    private final StoredMediaRepository storedMedia;

    private final Steps steps;

    MediaService(PostgresDatabase database, ProductImageRepository productImages, CourseVideoRepository courseVideos,
            CourseResourceRepository courseResources, MediaStorageRepository mediaStorage,
            List<MediaOwnerDirectory> owners, BlobIndex blobIndex, StoredMediaRepository storedMedia, Steps steps) {
        this.database = database;
        this.productImages = productImages;
        this.courseVideos = courseVideos;
        this.courseResources = courseResources;
        this.mediaStorage = mediaStorage;
        this.owners = owners;
        this.blobIndex = blobIndex;
        this.storedMedia = storedMedia;
        this.steps = steps;
    }

    // --- product images
    // ---------------------------------------------------------------------------------------

    /**
     * Records one image of a product given by URL. The caller has checked that the
     * product exists.
     */
    public ProductImage saveProductImage(ObjectId productId, NewProductImage image) {
        return saveProductImages(productId, List.of(image)).get(0);
    }

    /** Records several images of a product in one transaction: all or none. */
    public List<ProductImage> saveProductImages(ObjectId productId, List<NewProductImage> images) {
        List<NewProductImage> checked = images.stream().map(MediaService::checked).toList();
        long primaries = checked.stream().filter(NewProductImage::isPrimary).count();
        if (primaries > 1) {
            throw new dev.dualdb.system.InvalidInput("several-primary-images", "At most one image can be primary");
        }
        String owner = productId.toHexString();
        return database.write(jdbc -> {
            AdvisoryLocks.lockForTransaction(jdbc, "product_images:" + owner);
            int next = productImages.nextPosition(jdbc, owner);
            if (primaries == 1) {
                productImages.clearPrimary(jdbc, owner);
            }
            List<ProductImage> saved = new java.util.ArrayList<>();
            for (int i = 0; i < checked.size(); i++) {
                NewProductImage image = checked.get(i);
                UUID id = RowIds.next(i);
                java.util.Optional<ProductImage> firstAttempt = productImages.find(jdbc, owner, id);
                if (firstAttempt.isPresent()) {
                    saved.add(firstAttempt.get());
                    continue;
                }
                int position = image.position() != null ? image.position() : next++;
                saved.add(productImages.insert(jdbc,
                        new ProductImage(id, owner, image.imageUrl(), image.fileName(), image.fileSize(),
                                image.mimeType(), StorageType.EXTERNAL, position, image.isPrimary(), image.altText(),
                                image.width(), image.height(), null, null, List.of()),
                        null));
            }
            return saved;
        });
    }

    /** The images of one product, in display order. */
    public List<ProductImage> getProductImages(ObjectId productId) {
        return database.read(jdbc -> withRenditions(jdbc, productImages.findByProduct(jdbc, productId.toHexString())));
    }

    /**
     * The images of many products with one query; every id is a key, with an empty list
     * if it has none.
     */
    public Map<String, List<ProductImage>> getProductImages(Collection<ObjectId> productIds) {
        Map<String, List<ProductImage>> byProduct = new LinkedHashMap<>();
        productIds.forEach(id -> byProduct.put(id.toHexString(), new java.util.ArrayList<>()));
        if (productIds.isEmpty()) {
            return byProduct;
        }
        database.read(jdbc -> withRenditions(jdbc, productImages.findByProducts(jdbc, byProduct.keySet())))
            .forEach(image -> byProduct.get(image.mongoProductId()).add(image));
        return byProduct;
    }

    /** Changes position, primary flag or alt text of one image of a product. */
    public ProductImage updateProductImage(ObjectId productId, UUID imageId, ProductImageChanges changes) {
        String owner = productId.toHexString();
        return database.write(jdbc -> {
            AdvisoryLocks.lockForTransaction(jdbc, "product_images:" + owner);
            if (Boolean.TRUE.equals(changes.isPrimary())) {
                productImages.find(jdbc, owner, imageId)
                    .orElseThrow(() -> new MediaNotFound(MediaKind.PRODUCT_IMAGE, imageId));
                productImages.clearPrimary(jdbc, owner);
            }
            return productImages
                .update(jdbc, owner, imageId, changes.position(), changes.isPrimary(), changes.altText())
                .orElseThrow(() -> new MediaNotFound(MediaKind.PRODUCT_IMAGE, imageId));
        });
    }

    /**
     * Records uploaded images of a product in one transaction: the blob-index rows
     * (locked, and checked to be still stored), their thumbnails, and one image row each,
     * appended after the product's images.
     */
    public List<ProductImage> saveUploadedProductImages(ObjectId productId, List<UploadedFile> files) {
        String owner = productId.toHexString();
        return recordUpload(jdbc -> {
            blobIndex.index(jdbc, files);
            AdvisoryLocks.lockForTransaction(jdbc, "product_images:" + owner);
            int next = productImages.nextPosition(jdbc, owner);
            List<ProductImage> saved = new java.util.ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                UploadedFile file = files.get(i);
                UUID id = RowIds.next(i);
                java.util.Optional<ProductImage> firstAttempt = productImages.find(jdbc, owner, id);
                if (firstAttempt.isPresent()) {
                    saved.add(firstAttempt.get());
                    continue;
                }
                saved.add(productImages.insert(jdbc,
                        new ProductImage(id, owner, MediaUrls.of(id), file.displayName(), file.size(),
                                file.contentType(), StorageType.valueOf(file.storageType()), next++, false, null,
                                file.width(), file.height(), null, null, List.of()),
                        file.sha256()));
            }
            return withRenditions(jdbc, saved);
        });
    }

    // --- course videos and resources
    // --------------------------------------------------------------------------

    /**
     * Records a video of a course given by its URL. The caller has checked the course and
     * lesson exist.
     */
    public CourseVideo saveCourseVideo(ObjectId courseId, NewCourseVideo video) {
        MediaInput.text("title", video.title(), 300);
        MediaInput.required("videoType", video.videoType());
        MediaInput.lessonId(video.lessonId());
        MediaInput.duration(video.duration());
        String url = ExternalUrl.checkVideo(video.videoUrl(), video.videoType());
        CourseVideo row = new CourseVideo(RowIds.next(0), courseId.toHexString(), video.lessonId(),
                video.title().strip(), url, video.videoType(), null, null, null, video.duration(), StorageType.EXTERNAL,
                video.isPreview(), 0, null, null, null);
        return database.write(jdbc -> courseVideos.find(jdbc, row.mongoCourseId(), row.id())
            .orElseGet(() -> courseVideos.insert(jdbc, row, null)));
    }

    /** Records an uploaded video of a course (and, optionally, one of its lessons). */
    public CourseVideo saveUploadedCourseVideo(ObjectId courseId, String lessonId, String title, boolean isPreview,
            UploadedFile file) {
        MediaInput.text("title", title, 300);
        MediaInput.lessonId(lessonId);
        UUID id = RowIds.next(0);
        CourseVideo row = new CourseVideo(id, courseId.toHexString(), lessonId, title.strip(), MediaUrls.of(id),
                VideoType.UPLOAD, file.displayName(), file.size(), file.contentType(), file.durationSeconds(),
                StorageType.valueOf(file.storageType()), isPreview, 0, null, null, null);
        return recordUpload(jdbc -> {
            blobIndex.index(jdbc, List.of(file));
            return courseVideos.find(jdbc, row.mongoCourseId(), id)
                .orElseGet(() -> courseVideos.insert(jdbc, row, file.sha256()));
        });
    }

    public List<CourseVideo> getCourseVideos(ObjectId courseId) {
        return database.read(jdbc -> courseVideos.findByCourse(jdbc, courseId.toHexString()));
    }

    /**
     * Records a resource of a lesson given by its URL. The caller has checked the course
     * and lesson exist.
     */
    public CourseResource saveCourseResource(ObjectId courseId, ObjectId lessonId, NewCourseResource resource) {
        MediaInput.text("resourceName", resource.resourceName(), 300);
        MediaInput.required("resourceType", resource.resourceType());
        MediaInput.optionalText("fileName", resource.fileName(), 255);
        MediaInput.optionalText("mimeType", resource.mimeType(), 255);
        MediaInput.size(resource.fileSize());
        String url = ExternalUrl.check(resource.resourceUrl());
        CourseResource row = new CourseResource(RowIds.next(0), courseId.toHexString(), lessonId.toHexString(),
                resource.resourceName().strip(), resource.resourceType(), url, resource.fileName(), resource.fileSize(),
                resource.mimeType(), null, StorageType.EXTERNAL, 0, null, null, null);
        return database.write(jdbc -> courseResources.find(jdbc, row.mongoCourseId(), row.id())
            .orElseGet(() -> courseResources.insert(jdbc, row, null)));
    }

    /**
     * Records an uploaded resource of a lesson; its type comes from the bytes, its name
     * from the client.
     */
    public CourseResource saveUploadedCourseResource(ObjectId courseId, ObjectId lessonId, String resourceName,
            UploadedFile file) {
        String name = resourceName == null || resourceName.isBlank() ? file.displayName() : resourceName.strip();
        MediaInput.text("resourceName", name, 300);
        UUID id = RowIds.next(0);
        CourseResource row = new CourseResource(id, courseId.toHexString(), lessonId.toHexString(), name,
                ResourceTypes.of(file.contentType()), MediaUrls.of(id), file.displayName(), file.size(),
                file.contentType(), file.pageCount(), StorageType.valueOf(file.storageType()), 0, null, null, null);
        return recordUpload(jdbc -> {
            blobIndex.index(jdbc, List.of(file));
            return courseResources.find(jdbc, row.mongoCourseId(), id)
                .orElseGet(() -> courseResources.insert(jdbc, row, file.sha256()));
        });
    }

    public List<CourseResource> getCourseResources(ObjectId courseId) {
        return database.read(jdbc -> courseResources.findByCourse(jdbc, courseId.toHexString()));
    }

    // --- any media
    // --------------------------------------------------------------------------------------------

    /** Records media against any owner; the owner must exist. */
    public MediaStorage saveMediaStorage(NewMediaStorage media) {
        MediaInput.required("referenceType", media.referenceType());
        MediaInput.required("mediaType", media.mediaType());
        MediaInput.optionalText("fileName", media.fileName(), 255);
        MediaInput.optionalText("mimeType", media.mimeType(), 255);
        MediaInput.size(media.fileSize());
        String url = ExternalUrl.check(media.mediaUrl());
        ObjectId referenceId = requireOwner(media.referenceType(), media.referenceId());
        MediaStorage row = new MediaStorage(RowIds.next(0), media.referenceType(), referenceId.toHexString(),
                media.mediaType(), url, media.fileName(), media.fileSize(), media.mimeType(), null, null, null, null,
                StorageType.EXTERNAL, 0, null, null, null);
        return database
            .write(jdbc -> mediaStorage.find(jdbc, row.id()).orElseGet(() -> mediaStorage.insert(jdbc, row, null)));
    }

    /** Records an uploaded file against any owner; the owner must exist. */
    public MediaStorage saveUploadedMedia(OwnerKind referenceType, String referenceId, MediaType mediaType,
            UploadedFile file) {
        MediaInput.required("referenceType", referenceType);
        MediaInput.required("mediaType", mediaType);
        ObjectId reference = requireOwner(referenceType, referenceId);
        UUID id = RowIds.next(0);
        MediaStorage row = new MediaStorage(id, referenceType, reference.toHexString(), mediaType, MediaUrls.of(id),
                file.displayName(), file.size(), file.contentType(), file.width(), file.height(),
                file.durationSeconds(), file.pageCount(), StorageType.valueOf(file.storageType()), 0, null, null, null);
        return recordUpload(jdbc -> {
            blobIndex.index(jdbc, List.of(file));
            return mediaStorage.find(jdbc, id).orElseGet(() -> mediaStorage.insert(jdbc, row, file.sha256()));
        });
    }

    /**
     * The upload's bytes are stored; one PostgreSQL transaction writes its rows (DESIGN
     * §4, the step order).
     */
    private <T> T recordUpload(java.util.function.Function<org.springframework.jdbc.core.simple.JdbcClient, T> rows) {
        steps.reached("upload.bytes-stored");
        T saved = database.write(rows);
        steps.reached("upload.rows-written");
        return saved;
    }

    /** The stored bytes behind any media id (any of the four tables), for delivery. */
    public StoredMedia getStoredMedia(UUID id) {
        StoredMediaRepository.Found found = database.read(jdbc -> storedMedia.find(jdbc, id))
            .orElseThrow(() -> new MediaNotFound(MediaKind.MEDIA_STORAGE, id));
        // A row whose owner is gone (a delete whose second step has not happened yet) is
        // never served.
        boolean ownerExists = ownerExists(found.ownerType(), found.ownerId())
                && (found.lessonId() == null || ownerExists(OwnerKind.LESSON, found.lessonId()));
        if (!ownerExists) {
            throw new MediaNotFound(MediaKind.MEDIA_STORAGE, id);
        }
        return found.media();
    }

    /**
     * The media of one owner; the owner must exist (the rows of a deleted owner are never
     * shown).
     */
    public List<MediaStorage> getMediaByReference(OwnerKind type, ObjectId referenceId) {
        requireOwner(type, referenceId.toHexString());
        return database.read(jdbc -> mediaStorage.findByReference(jdbc, type, referenceId.toHexString()));
    }

    /** One media record, if its owner still exists. */
    public MediaStorage getMediaStorage(UUID id) {
        MediaStorage media = database.read(jdbc -> mediaStorage.find(jdbc, id))
            .orElseThrow(() -> new MediaNotFound(MediaKind.MEDIA_STORAGE, id));
        if (!ownerExists(media.referenceType(), media.referenceId())) {
            throw new MediaNotFound(MediaKind.MEDIA_STORAGE, id);
        }
        return media;
    }

    // --- access counting and deletion
    // -------------------------------------------------------------------------

    /**
     * Counts one access to a piece of media (atomically, in PostgreSQL) and records when
     * it happened.
     * @param ownerId the course the video or resource belongs to; ignored for
     * {@link MediaKind#MEDIA_STORAGE}
     */
    public AccessCount updateMediaAccessCount(MediaKind kind, ObjectId ownerId, UUID id) {
        return database.write(jdbc -> switch (kind) {
            case COURSE_VIDEO -> courseVideos.countAccess(jdbc, ownerId.toHexString(), id);
            case COURSE_RESOURCE -> courseResources.countAccess(jdbc, ownerId.toHexString(), id);
            case MEDIA_STORAGE -> mediaStorage.countAccess(jdbc, id);
            case PRODUCT_IMAGE ->
                throw new dev.dualdb.system.InvalidInput("not-access-counted", "Product images are not access-counted");
        }).orElseThrow(() -> new MediaNotFound(kind, id));
    }

    /**
     * Deletes one piece of media.
     * @param ownerId the product or course it must belong to; ignored for
     * {@link MediaKind#MEDIA_STORAGE}
     */
    public void deleteMedia(MediaKind kind, ObjectId ownerId, UUID id) {
        // One transaction deletes the row and queues its bytes; the collector removes
        // them only if nothing else
        // refers to the same bytes by then.
        database.write(jdbc -> {
            java.util.Optional<DeletedRow> deleted = switch (kind) {
                case PRODUCT_IMAGE -> productImages.delete(jdbc, ownerId.toHexString(), id);
                case COURSE_VIDEO -> courseVideos.delete(jdbc, ownerId.toHexString(), id);
                case COURSE_RESOURCE -> courseResources.delete(jdbc, ownerId.toHexString(), id);
                case MEDIA_STORAGE -> mediaStorage.delete(jdbc, id);
            };
            deleted.ifPresent(row -> BlobReferences.queueForCollection(jdbc,
                    java.util.Collections.singletonList(row.blobSha256())));
            return deleted;
        }).orElseThrow(() -> new MediaNotFound(kind, id));
        steps.reached("media.delete.row-deleted");
    }

    /**
     * Deletes every image and other media of a product (after the product itself is
     * gone); returns the count.
     */
    public int deleteProductMedia(ObjectId productId) {
        String owner = productId.toHexString();
        return database.write(jdbc -> {
            List<DeletedRow> deleted = new java.util.ArrayList<>(productImages.deleteByProduct(jdbc, owner));
            deleted.addAll(mediaStorage.deleteByReference(jdbc, OwnerKind.PRODUCT, List.of(owner)));
            return queued(jdbc, deleted);
        });
    }

    /**
     * Deletes every video, resource and other media of a course and its lessons; returns
     * the count.
     */
    public int deleteCourseMedia(ObjectId courseId, Collection<ObjectId> lessonIds) {
        String owner = courseId.toHexString();
        List<String> lessons = lessonIds.stream().map(ObjectId::toHexString).toList();
        return database.write(jdbc -> {
            List<DeletedRow> deleted = new java.util.ArrayList<>(courseVideos.deleteByCourse(jdbc, owner));
            deleted.addAll(courseResources.deleteByCourse(jdbc, owner));
            deleted.addAll(mediaStorage.deleteByReference(jdbc, OwnerKind.COURSE, List.of(owner)));
            if (!lessons.isEmpty()) {
                deleted.addAll(mediaStorage.deleteByReference(jdbc, OwnerKind.LESSON, lessons));
            }
            return queued(jdbc, deleted);
        });
    }

    /**
     * Deletes the videos, resources and other media of some lessons of a course (the
     * lessons are gone).
     */
    public int deleteLessonMedia(ObjectId courseId, Collection<ObjectId> lessonIds) {
        if (lessonIds.isEmpty()) {
            return 0;
        }
        String owner = courseId.toHexString();
        List<String> lessons = lessonIds.stream().map(ObjectId::toHexString).toList();
        return database.write(jdbc -> {
            List<DeletedRow> deleted = new java.util.ArrayList<>(courseVideos.deleteByLessons(jdbc, owner, lessons));
            deleted.addAll(courseResources.deleteByLessons(jdbc, owner, lessons));
            deleted.addAll(mediaStorage.deleteByReference(jdbc, OwnerKind.LESSON, lessons));
            return queued(jdbc, deleted);
        });
    }

    private List<ProductImage> withRenditions(org.springframework.jdbc.core.simple.JdbcClient jdbc,
            List<ProductImage> images) {
        if (images.stream().noneMatch(image -> image.storageType() != StorageType.EXTERNAL)) {
            return images;
        }
        Map<UUID, List<RenditionLink>> links = storedMedia.renditionsOf(jdbc,
                images.stream().map(ProductImage::id).toList());
        return images.stream().map(image -> image.withRenditions(links.getOrDefault(image.id(), List.of()))).toList();
    }

    /**
     * Queues the bytes of deleted rows for collection, in the deleting transaction;
     * returns the row count.
     */
    private static int queued(org.springframework.jdbc.core.simple.JdbcClient jdbc, List<DeletedRow> deleted) {
        BlobReferences.queueForCollection(jdbc, deleted.stream().map(DeletedRow::blobSha256).toList());
        return deleted.size();
    }

    /**
     * Checks that the owner named by a media reference exists, before its bytes are
     * taken.
     * @throws MediaOwnerNotFound if not
     */
    public ObjectId checkOwner(OwnerKind type, String id) {
        return requireOwner(type, id);
    }

    private boolean ownerExists(OwnerKind type, String id) {
        if (!dev.dualdb.system.ObjectIdParser.isValid(id)) {
            return false;
        }
        ObjectId objectId = dev.dualdb.system.ObjectIdParser.parse(id);
        return owners.stream()
            .filter(directory -> directory.types().contains(type))
            .anyMatch(directory -> directory.exists(type, objectId));
    }

    private ObjectId requireOwner(OwnerKind type, String id) {
        if (!dev.dualdb.system.ObjectIdParser.isValid(id)) {
            throw new dev.dualdb.system.InvalidInput("malformed-id", "referenceId is not a valid id");
        }
        ObjectId objectId = dev.dualdb.system.ObjectIdParser.parse(id);
        boolean exists = owners.stream()
            .filter(directory -> directory.types().contains(type))
            .anyMatch(directory -> directory.exists(type, objectId));
        if (!exists) {
            throw new MediaOwnerNotFound(type, id);
        }
        return objectId;
    }

    private static NewProductImage checked(NewProductImage image) {
        ExternalUrl.check(image.imageUrl());
        MediaInput.optionalText("fileName", image.fileName(), 255);
        MediaInput.optionalText("mimeType", image.mimeType(), 255);
        MediaInput.optionalText("altText", image.altText(), 500);
        MediaInput.size(image.fileSize());
        return image;
    }

}
