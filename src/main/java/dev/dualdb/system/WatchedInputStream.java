package dev.dualdb.system;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body that shows every chunk it reads to a {@link Watcher} before handing it
 * on, for the filters that count, cap, hash or pace what a client sends. The watcher may
 * throw to stop the read.
 */
public final class WatchedInputStream extends ServletInputStream {

    private final ServletInputStream in;

    private final Watcher watcher;

    private final byte[] one = new byte[1];

    public WatchedInputStream(ServletInputStream in, Watcher watcher) {
        this.in = in;
        this.watcher = watcher;
    }

    @Override
    public int read() throws IOException {
        int b = this.in.read();
        if (b >= 0) {
            this.one[0] = (byte) b;
            this.watcher.read(this.one, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = this.in.read(buffer, offset, length);
        if (n > 0) {
            this.watcher.read(buffer, offset, n);
        }
        return n;
    }

    @Override
    public boolean isFinished() {
        return this.in.isFinished();
    }

    @Override
    public boolean isReady() {
        return this.in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        this.in.setReadListener(listener);
    }

    /** Sees each chunk of a request body as it is read. */
    @FunctionalInterface
    public interface Watcher {

        /**
         * A chunk was read.
         * @param buffer the buffer holding it
         * @param offset where it starts
         * @param length how many bytes it has (at least one)
         * @throws IOException to fail the read
         */
        void read(byte[] buffer, int offset, int length) throws IOException;

    }

}
