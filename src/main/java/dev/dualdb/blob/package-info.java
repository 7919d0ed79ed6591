/**
 * The blob stores (local directory, S3), streaming an upload into the store while it is
 * checked and probed, thumbnails, and the delivery helpers (ranges, ETag,
 * Content-Disposition). Its API: {@link dev.dualdb.blob.BlobStore},
 * {@link dev.dualdb.blob.BlobUploads} and the records and settings they speak in.
 */
@ApplicationModule(displayName = "Blob store", allowedDependencies = "system")
package dev.dualdb.blob;

import org.springframework.modulith.ApplicationModule;
