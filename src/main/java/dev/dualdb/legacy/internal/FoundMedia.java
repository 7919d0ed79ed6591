package dev.dualdb.legacy.internal;

import java.math.BigDecimal;

import dev.dualdb.media.MediaKind;

/**
 * A piece of media found in a legacy document, before anything is decided about it.
 *
 * @param key where it was found: {@code collection/document id/field path/index}, the key
 * of its row in {@code legacy_imports}
 * @param kind the table its row goes to
 * @param ownerId the product or course (24 hex characters)
 * @param lessonId the lesson of a video or resource, or {@code null}
 * @param url the URL as the document has it
 * @param text the alt text, video title or resource name (may be {@code null})
 * @param position the image's place in the product's array
 * @param primaryCandidate whether the image is the one to make primary
 * @param duration the video's length in seconds, or {@code null}
 * @param isPreview whether the video may be watched without enrolling
 */
record FoundMedia(String key, MediaKind kind, String ownerId, String lessonId, String url, String text, int position,
        boolean primaryCandidate, BigDecimal duration, boolean isPreview) {
}
