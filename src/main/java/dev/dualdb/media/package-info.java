/**
 * The media metadata (four PostgreSQL tables), the blob index and its collector, and the
 * media routes. Its API: the facades {@link dev.dualdb.media.MediaService},
 * {@link dev.dualdb.media.ProductImageService},
 * {@link dev.dualdb.media.CourseVideoService} and
 * {@link dev.dualdb.media.CourseResourceService}, the records they speak in, and the
 * extension point {@link dev.dualdb.media.MediaOwnerDirectory}; the upload routes of
 * other modules call {@code media.web.UploadReceiver}.
 */
@ApplicationModule(displayName = "Media",
        allowedDependencies = { "system", "postgres", "blob", "consistency", "security" })
package dev.dualdb.media;

import org.springframework.modulith.ApplicationModule;
