package dev.dualdb.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dualdb.blob.TestFiles;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.Multipart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that Tomcat refuses itself, before any filter or route, sent over a plain
 * socket as an attacker would: each is answered with a 4xx problem with a stable code,
 * never Tomcat's HTML page, an empty body or Spring Boot's own error JSON.
 */
class TomcatRefusalTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int serverPort;

    @TempDir
    Path dir;

    @Test
    void anEncodedSlashInThePathIsAProblem() throws IOException {
        assertRawProblem(send("GET /api/products/a%2Fb HTTP/1.1\r\n"), 400, "malformed-request");
        assertRawProblem(send("GET /api/products/a%5Cb HTTP/1.1\r\n"), 400, "malformed-request");
    }

    @Test
    void aHeaderOver8KiBIsA431Problem() throws IOException {
        String big = "X-Padding: " + "a".repeat(9 * 1024) + "\r\n";
        assertRawProblem(send("GET /api/products HTTP/1.1\r\n" + big), 431, "request-header-too-large");
    }

    @Test
    void aVeryLongUrlIsA431Problem() throws IOException {
        assertRawProblem(send("GET /api/products?name=" + "a".repeat(10_000) + " HTTP/1.1\r\n"), 431,
                "request-header-too-large");
        assertRawProblem(send("GET /api/" + "p".repeat(20_000) + " HTTP/1.1\r\n"), 431, "request-header-too-large");
    }

    @Test
    void unknownAndMalformedMethodsAreProblems() throws IOException {
        // A method that is no HTTP method of the API is refused by Spring Security's
        // firewall before any route rule.
        assertRawProblem(send("FOO /api/products HTTP/1.1\r\n"), 400, "malformed-request");
        assertRawProblem(send("G{T /api/products HTTP/1.1\r\n"), 400, "malformed-request");
        // Refused by Tomcat (allowTrace is off) through its error page.
        assertRawProblem(send("TRACE /api/products HTTP/1.1\r\n"), 405, "method-not-allowed");
        assertRawProblem(send("TRACE /media/00000000-0000-0000-0000-000000000000 HTTP/1.1\r\n"), 405,
                "method-not-allowed");
    }

    @Test
    void brokenHeadersAreProblems() throws IOException {
        assertRawProblem(send("GET /api/products HTTP/1.1\r\nBad Header: y\r\n"), 400, "malformed-request");
        assertRawProblem(send("POST /api/products HTTP/1.1\r\nContent-Length: abc\r\n"), 400, "malformed-request");
    }

    @Test
    void twoThousandRangesGetTheWholeBodyOnce() throws IOException {
        String product = api.post("/api/products", Map.of("name", "Ranges", "price", 1, "sku", unique("RNG")))
            .json()
            .path("id")
            .asString();
        byte[] image = Files.readAllBytes(TestFiles.image(this.dir, "r.png", "png", 64, 64, false));
        Response saved = api.multipart("/api/products/" + product + "/images",
                new Multipart().file("files", "r.png", "image/png", image));
        String url = saved.json().get(0).path("imageUrl").asString();
        StringJoiner ranges = new StringJoiner(",", "bytes=", "");
        for (int i = 0; i < 2000; i++) {
            ranges.add("0-0");
        }

        // 2,000 ranges fit in 8 KiB; more than 100 are not even parsed: the whole body,
        // once, as RFC 9110 allows, never 2,000 parts.
        String answer = new String(send("GET " + url + " HTTP/1.1\r\nRange: " + ranges + "\r\n"),
                StandardCharsets.ISO_8859_1);
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(answer.toLowerCase(Locale.ROOT)).contains("content-length: " + image.length + "\r\n");
        // A header of 2,000 wider ranges does not fit: refused as too large, a problem.
        StringJoiner wide = new StringJoiner(",", "bytes=", "");
        for (int i = 0; i < 2000; i++) {
            wide.add(i * 2 + "-" + (i * 2));
        }
        assertRawProblem(send("GET " + url + " HTTP/1.1\r\nRange: " + wide + "\r\n"), 431, "request-header-too-large");
    }

    private byte[] send(String requestHead) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", this.serverPort)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestHead + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(all);
            return all.toByteArray();
        }
    }

    private static void assertRawProblem(byte[] raw, int status, String code) {
        String answer = new String(raw, StandardCharsets.UTF_8);
        int end = answer.indexOf("\r\n\r\n");
        assertThat(end).as(answer).isPositive();
        String head = answer.substring(0, end).toLowerCase(Locale.ROOT);
        String body = answer.substring(end + 4);
        if (head.contains("transfer-encoding: chunked")) {
            body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("}") + 1);
        }
        assertThat(head).as(answer).startsWith("http/1.1 " + status);
        assertThat(head).as(answer).contains("content-type: application/problem+json");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("code").asString()).as(answer).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(body).doesNotContain("<html").doesNotContain("Exception").doesNotContain("\tat ");
    }

}
