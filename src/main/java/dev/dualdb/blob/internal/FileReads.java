package dev.dualdb.blob.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Positional reads for the container parsers: a few bytes at a time, wherever they are in
 * a file of any size.
 */
final class FileReads {

    private FileReads() {
    }

    /**
     * Up to {@code length} bytes from {@code position}, fewer only at the end of the
     * file.
     * @param channel the file
     * @param position where to start reading
     * @param length how many bytes to read at most
     * @return the bytes read, ready to be read from
     * @throws IOException if reading fails
     */
    static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                break;
            }
        }
        return buffer.flip();
    }

}
