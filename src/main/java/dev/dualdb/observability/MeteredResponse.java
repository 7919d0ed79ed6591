package dev.dualdb.observability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Counts the body bytes a response sends, and keeps the first few KiB of a problem
 * ({@code application/problem+json}) so its {@code code} can be read afterwards, whoever
 * wrote it: the problem-details advice or one of the filters that answer on their own.
 */
final class MeteredResponse extends HttpServletResponseWrapper {

    /**
     * Problem bodies are a few hundred bytes; a validation problem lists a few fields.
     */
    private static final int PROBLEM_LIMIT = 8192;

    private long bytes;

    private ByteArrayOutputStream problem;

    private Boolean capturing;

    private ServletOutputStream stream;

    private PrintWriter writer;

    MeteredResponse(HttpServletResponse response) {
        super(response);
    }

    long bytes() {
        return this.bytes;
    }

    /**
     * The problem body seen so far.
     * @return its bytes, or {@code null} when the response is no problem
     */
    byte[] problemBody() {
        return (this.problem != null) ? this.problem.toByteArray() : null;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (this.stream == null) {
            this.stream = new CountingStream(super.getOutputStream());
        }
        return this.stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (this.writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
            this.writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset));
        }
        return this.writer;
    }

    /** Pushes out what a writer still buffers; called once the chain has run. */
    void finish() {
        if (this.writer != null) {
            this.writer.flush();
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        finish();
        super.flushBuffer();
    }

    @Override
    public void reset() {
        super.reset();
        forgetWritten();
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        forgetWritten();
    }

    /** A reset discards what was buffered (it throws once the response is committed). */
    private void forgetWritten() {
        this.bytes = 0;
        this.problem = null;
        this.capturing = null;
    }

    private void written(byte[] data, int offset, int length) {
        this.bytes += length;
        if (this.capturing == null) {
            String type = getContentType();
            this.capturing = type != null && type.startsWith("application/problem+json");
            if (this.capturing) {
                this.problem = new ByteArrayOutputStream();
            }
        }
        if (this.capturing) {
            int room = PROBLEM_LIMIT - this.problem.size();
            if (room > 0) {
                this.problem.write(data, offset, Math.min(room, length));
            }
        }
    }

    private final class CountingStream extends ServletOutputStream {

        private final ServletOutputStream delegate;

        CountingStream(ServletOutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            this.delegate.write(b);
            written(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            this.delegate.write(b, off, len);
            written(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            this.delegate.flush();
        }

        @Override
        public void close() throws IOException {
            this.delegate.close();
        }

        @Override
        public boolean isReady() {
            return this.delegate.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            this.delegate.setWriteListener(listener);
        }

    }

}
