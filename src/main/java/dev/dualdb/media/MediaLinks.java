package dev.dualdb.media;

import org.springframework.stereotype.Service;

import dev.dualdb.media.internal.MediaUrlSigner;

/**
 * The URLs the API hands out for media: the plain {@code /media/{id}} of public media,
 * and a short-lived signed URL of private media (non-preview videos, lesson resources,
 * other media of courses, lessons and users), so that {@code video} elements and download
 * links work without headers. Call it only for a caller allowed to see the media;
 * recorded external URLs are left as they are.
 */
@Service
public class MediaLinks {

    private final MediaUrlSigner signer;

    MediaLinks(MediaUrlSigner signer) {
        this.signer = signer;
    }

    /**
     * The video with a signed URL if it is stored here and not a preview.
     * @param video the video
     * @return the video as the caller should see it
     */
    public CourseVideo forViewer(CourseVideo video) {
        if (video.storageType() == StorageType.EXTERNAL || video.isPreview()) {
            return video;
        }
        return new CourseVideo(video.id(), video.mongoCourseId(), video.lessonId(), video.title(),
                this.signer.sign(video.id()), video.videoType(), video.fileName(), video.fileSize(), video.mimeType(),
                video.duration(), video.storageType(), video.isPreview(), video.accessCount(), video.lastAccessedAt(),
                video.createdAt(), video.updatedAt());
    }

    /**
     * The resource with a signed URL if it is stored here.
     * @param resource the resource
     * @return the resource as the caller should see it
     */
    public CourseResource forViewer(CourseResource resource) {
        if (resource.storageType() == StorageType.EXTERNAL) {
            return resource;
        }
        return new CourseResource(resource.id(), resource.mongoCourseId(), resource.lessonId(), resource.resourceName(),
                resource.resourceType(), this.signer.sign(resource.id()), resource.fileName(), resource.fileSize(),
                resource.mimeType(), resource.pageCount(), resource.storageType(), resource.accessCount(),
                resource.lastAccessedAt(), resource.createdAt(), resource.updatedAt());
    }

    /**
     * The media with a signed URL if it is stored here and not of a product.
     * @param media the media
     * @return the media as the caller should see it
     */
    public MediaStorage forViewer(MediaStorage media) {
        if (media.storageType() == StorageType.EXTERNAL || media.referenceType() == OwnerKind.PRODUCT) {
            return media;
        }
        return new MediaStorage(media.id(), media.referenceType(), media.referenceId(), media.mediaType(),
                this.signer.sign(media.id()), media.fileName(), media.fileSize(), media.mimeType(), media.width(),
                media.height(), media.duration(), media.pageCount(), media.storageType(), media.accessCount(),
                media.lastAccessedAt(), media.createdAt(), media.updatedAt());
    }

}
