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
        if (stream == null) {
            stream = new Fingerprinting(super.getInputStream(), fingerprint);
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        if (reader == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
        return reader;
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
            int b = delegate.read();
            if (b != -1) {
                fingerprint.update(b);
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = delegate.read(bytes, offset, length);
            if (n > 0) {
                fingerprint.update(bytes, offset, n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }

    }

}
