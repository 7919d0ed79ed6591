/**
 * The media routes and delivery, and {@link dev.dualdb.media.web.UploadReceiver}, which
 * the upload routes of every module call.
 */
@NamedInterface("upload-receiver")
package dev.dualdb.media.web;

import org.springframework.modulith.NamedInterface;
