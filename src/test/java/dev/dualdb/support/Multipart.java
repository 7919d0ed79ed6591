package dev.dualdb.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Builds a {@code multipart/form-data} body for the tests, parts in the order they are
 * added.
 */
public final class Multipart {

    private final String boundary = "----dualdb-test-" + UUID.randomUUID();

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public Multipart field(String name, String value) {
        write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
        write(value);
        write("\r\n");
        return this;
    }

    public Multipart file(String name, String fileName, String contentType, byte[] content) {
        write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\n");
        if (contentType != null) {
            write("Content-Type: " + contentType + "\r\n");
        }
        write("\r\n");
        this.body.writeBytes(content);
        write("\r\n");
        return this;
    }

    public Multipart file(String name, Path file, String contentType) {
        try {
            return file(name, file.getFileName().toString(), contentType, Files.readAllBytes(file));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + this.boundary;
    }

    public byte[] bytes() {
        ByteArrayOutputStream complete = new ByteArrayOutputStream();
        complete.writeBytes(this.body.toByteArray());
        complete.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return complete.toByteArray();
    }

    private void write(String text) {
        this.body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

}
