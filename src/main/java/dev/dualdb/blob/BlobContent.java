package dev.dualdb.blob;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of one blob, opened for reading. The caller closes it.
 *
 * @param sha256 the hash the bytes are stored under
 * @param size the number of bytes the stream will give
 * @param stream the bytes, from the first
 */
public record BlobContent(String sha256, long size, InputStream stream) implements Closeable {

    @Override
    public void close() throws IOException {
        this.stream.close();
    }
}
