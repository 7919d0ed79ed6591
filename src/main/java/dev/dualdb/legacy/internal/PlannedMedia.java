package dev.dualdb.legacy.internal;

import java.net.URI;
import java.nio.file.Path;

import dev.dualdb.media.ImportedMedia;

/**
 * A piece of media that will be imported, and how: recorded by URL, or copied from a file
 * or an allowed host.
 *
 * @param found where it was found
 * @param media the row to write (without its bytes yet, when they are to be copied)
 * @param source the resolved URL
 * @param file the checked file to copy, or {@code null}
 * @param fetch whether the bytes are fetched from {@code source}
 */
record PlannedMedia(FoundMedia found, ImportedMedia media, URI source, Path file, boolean fetch) {

    boolean copies() {
        return this.file != null || this.fetch;
    }

    String how() {
        if (this.file != null) {
            return "copy file";
        }
        return this.fetch ? "fetch and copy" : "record URL";
    }

}
