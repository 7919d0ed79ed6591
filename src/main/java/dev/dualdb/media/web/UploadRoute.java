package dev.dualdb.media.web;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.dualdb.media.MediaType;

/**
 * What one multipart upload route takes, for {@link UploadReceiver}.
 *
 * @param filePart the name of the file part, as a problem names it when none came
 * @param severalFiles whether the form may carry several files (up to
 * {@code dualdb.uploads.max-files}) rather than one
 * @param fileRequired whether a form without a file is refused ({@code no-file})
 * @param kinds what the route's files may be, which sets its request-wide size limit
 * @param ownerCheck runs before any part is read: the owner the path names exists
 * @param beforeEachFile runs before each file's bytes are read, with the fields that came
 * before it (owner checks, required fields); says what the file must be
 */
public record UploadRoute(String filePart, boolean severalFiles, boolean fileRequired, Set<MediaType> kinds,
        Runnable ownerCheck, Function<Map<String, String>, MediaType> beforeEachFile) {

    /** For a route with nothing to check (before the form, or before a file). */
    public static final Consumer<Map<String, String>> NO_CHECK = (fields) -> {
    };

    /** For a route whose path names no owner: the form's fields name it, if any. */
    public static final Runnable NO_OWNER_IN_PATH = () -> {
    };

    /**
     * A route that takes exactly one file of any kind, in the part {@code file}.
     * @param ownerCheck runs before any part is read
     * @param beforeFile runs before the file's bytes are read; says what it must be
     * @return the route
     */
    public static UploadRoute oneFile(Runnable ownerCheck, Function<Map<String, String>, MediaType> beforeFile) {
        return new UploadRoute("file", false, true, EnumSet.allOf(MediaType.class), ownerCheck, beforeFile);
    }

    /**
     * A route that takes images, in parts named {@code files}.
     * @param fileRequired whether at least one image must come
     * @param ownerCheck runs before any part is read
     * @param beforeEachFile runs before each image's bytes are read
     * @return the route
     */
    public static UploadRoute images(boolean fileRequired, Runnable ownerCheck,
            Consumer<Map<String, String>> beforeEachFile) {
        return new UploadRoute("files", true, fileRequired, EnumSet.of(MediaType.IMAGE), ownerCheck, (fields) -> {
            beforeEachFile.accept(fields);
            return MediaType.IMAGE;
        });
    }

    /**
     * A route that takes one video, in the part {@code file}.
     * @param ownerCheck runs before any part is read
     * @param beforeFile runs before the video's bytes are read
     * @return the route
     */
    public static UploadRoute video(Runnable ownerCheck, Consumer<Map<String, String>> beforeFile) {
        return new UploadRoute("file", false, true, EnumSet.of(MediaType.VIDEO), ownerCheck, (fields) -> {
            beforeFile.accept(fields);
            return MediaType.VIDEO;
        });
    }

    /**
     * A route that takes one document or archive, in the part {@code file}.
     * @param ownerCheck runs before any part is read
     * @return the route
     */
    public static UploadRoute document(Runnable ownerCheck) {
        return new UploadRoute("file", false, true, EnumSet.of(MediaType.DOCUMENT), ownerCheck,
                (fields) -> MediaType.DOCUMENT);
    }

}
