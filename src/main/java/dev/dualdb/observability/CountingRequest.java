package dev.dualdb.observability;

import java.io.IOException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Counts the body bytes actually read from a request: an upload refused early is counted
 * for what it cost, not for the {@code Content-Length} it announced, and a chunked upload
 * is counted at all.
 */
final class CountingRequest extends HttpServletRequestWrapper {

    private long bytes;

    private ServletInputStream stream;

    CountingRequest(HttpServletRequest request) {
        super(request);
    }

    long bytes() {
        return this.bytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (this.stream == null) {
            this.stream = new CountingStream(super.getInputStream());
        }
        return this.stream;
    }

    private final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;

        CountingStream(ServletInputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            int b = this.delegate.read();
            if (b >= 0) {
                CountingRequest.this.bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = this.delegate.read(b, off, len);
            if (n > 0) {
                CountingRequest.this.bytes += n;
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return this.delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return this.delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            this.delegate.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            this.delegate.close();
        }

    }

}
