package dev.dualdb.consistency.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body feeds a {@link RequestFingerprint} as the application reads it.
 */
class FingerprintingRequest extends HttpServletRequestWrapper {

    private final RequestFingerprint fingerprint;

    private ServletInputStream stream;

    private BufferedReader reader;

    FingerprintingRequest(HttpServletRequest request, RequestFingerprint fingerprint) {
        super(request);
        this.fingerprint = fingerprint;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (this.stream == null) {
            this.stream = new Fingerprinting(super.getInputStream(), this.fingerprint);
        }
        return this.stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (this.reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            this.reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return this.reader;
    }

    /**
     * Reads what the application left unread, so the fingerprint covers the whole body.
     */
    void drain() throws IOException {
        ServletInputStream in = getInputStream();
        byte[] buffer = new byte[64 * 1024];
        while (in.read(buffer) != -1) {
            // fed to the fingerprint by the stream itself
        }
    }

    private static final class Fingerprinting extends ServletInputStream {

        private final ServletInputStream delegate;

        private final RequestFingerprint fingerprint;

        Fingerprinting(ServletInputStream delegate, RequestFingerprint fingerprint) {
            this.delegate = delegate;
            this.fingerprint = fingerprint;
        }

        @Override
        public int read() throws IOException {
            int b = this.delegate.read();
            if (b != -1) {
                this.fingerprint.update(b);
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = this.delegate.read(bytes, offset, length);
            if (n > 0) {
                this.fingerprint.update(bytes, offset, n);
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

    }

}
