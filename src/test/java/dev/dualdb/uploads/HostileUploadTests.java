package dev.dualdb.uploads;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dualdb.blob.BlobStore;
import dev.dualdb.blob.BlobUploads;
import dev.dualdb.blob.TestFiles;
import dev.dualdb.blob.internal.LocalBlobStore;
import dev.dualdb.media.internal.BlobCollector;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.Multipart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads as an attacker sends them: hostile file names, lying extensions, broken
 * containers, bodies larger or shorter than they say, wrong digests, floods of text
 * fields, bytes of the wrong type. Each refused request leaves no row, no temporary file
 * and no bytes. The limits of the tests: files of 2 MiB, requests of 3 MiB
 * ({@code application-test.yaml}).
 */
class HostileUploadTests extends ApiTest {

    /** The admin token the raw-socket requests carry (set before each test). */
    private static volatile String bearer;

    @BeforeEach
    void rememberTheToken() {
        bearer = api.token();
    }

    private static String authorization() {
        return "Authorization: Bearer " + bearer + "\r\n";
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final long FILE_LIMIT = 2 * 1024 * 1024;

    /** What the sockets' buffers can hold between the server's answer and the client. */
    private static final long LATE = 12L * 1024 * 1024;

    @TempDir
    Path dir;

    @Autowired
    BlobStore store;

    @Autowired
    BlobCollector collector;

    @Autowired
    BlobUploads uploads;

    @LocalServerPort
    int serverPort;

    // --- names
    // ---------------------------------------------------------------------------------------------------

    @Test
    void controlCharactersAndPathsInAFileNameAreCleanedNot500() throws Exception {
        String product = product();
        byte[] image = png(31, 31);

        Response nul = uploadImages(product, new Multipart().file("files", "a.png\0.html", "image/png", image));
        Response path = uploadImages(product,
                new Multipart().file("files", "../../etc/pass\u0001wd.png", "image/png", png(32, 31)));
        Response windows = uploadImages(product,
                new Multipart().file("files", "..\\..\\boot\u007f.png", "image/png", png(33, 31)));
        Response dots = uploadImages(product, new Multipart().file("files", "..", "image/png", png(34, 31)));

        assertThat(nul.status()).as(nul.toString()).isEqualTo(201);
        assertThat(nul.json().get(0).path("fileName").asString()).isEqualTo("a.png");
        assertThat(path.json().get(0).path("fileName").asString()).isEqualTo("passwd.png");
        assertThat(windows.json().get(0).path("fileName").asString()).isEqualTo("boot.png");
        assertThat(dots.json().get(0).path("fileName").asString()).isEqualTo("file.png");
        String disposition = api.fetch("GET", nul.json().get(0).path("imageUrl").asString())
            .header("Content-Disposition");
        assertThat(disposition).isEqualTo("inline; filename=\"a.png\"");
    }

    @Test
    void theDownloadNameEndsInTheExtensionOfTheSniffedType() throws Exception {
        String product = product();
        byte[] pdf = Files.readAllBytes(TestFiles.pdf(this.dir, "evil.pdf", 1));

        assertThat(downloadName(product, "evil.bat", pdf)).isEqualTo("inline; filename=\"evil.pdf\"");
        assertThat(downloadName(product, "lesson.html", pdf)).isEqualTo("inline; filename=\"lesson.pdf\"");
        assertThat(downloadName(product, "x.jsp", pdf)).isEqualTo("inline; filename=\"x.pdf\"");
        assertThat(downloadName(product, "notes", pdf)).isEqualTo("inline; filename=\"notes.pdf\"");
        assertThat(downloadName(product, "Übung.exe", pdf))
            .isEqualTo("inline; filename=\"Ubung.pdf\"; filename*=UTF-8''%C3%9Cbung.pdf");
        byte[] zip = Files.readAllBytes(TestFiles.zip(this.dir, "code.zip"));
        assertThat(downloadName(product, "setup.html", zip)).isEqualTo("attachment; filename=\"setup.zip\"");

        Response image = uploadImages(product, new Multipart().file("files", "a.png.html", null, png(35, 35)));
        assertThat(image.json().get(0).path("fileName").asString()).isEqualTo("a.png");
        assertThat(api.fetch("GET", image.json().get(0).path("imageUrl").asString()).header("Content-Disposition"))
            .isEqualTo("inline; filename=\"a.png\"");
    }

    private String downloadName(String product, String fileName, byte[] bytes) {
        Response saved = api.multipart("/api/media",
                new Multipart().field("referenceType", "PRODUCT")
                    .field("referenceId", product)
                    .field("mediaType", "DOCUMENT")
                    .file("file", fileName, null, bytes));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        return api.fetch("GET", saved.json().path("mediaUrl").asString()).header("Content-Disposition");
    }

    // --- content
    // -------------------------------------------------------------------------------------------------

    @Test
    void aVideoWhoseContainerCannotBeParsedIs422AndLeavesNothing() throws Exception {
        Course course = course();
        Set<String> before = storedBefore();
        byte[] mp4 = Files.readAllBytes(TestFiles.fixture(this.dir, "tiny.mp4"));
        byte[] broken = new byte[20_000];
        new Random(8).nextBytes(broken);
        int ftyp = readInt(mp4, 0);
        System.arraycopy(mp4, 0, broken, 0, ftyp);

        Response response = api.multipart("/api/courses/" + course.id() + "/videos",
                new Multipart().field("title", "Noise").file("file", "noise.mp4", "video/mp4", broken));

        assertProblem(response, 422, "unreadable-content");
        assertThat(count("SELECT count(*) FROM course_videos WHERE mongo_course_id = ?", course.id())).isZero();
        assertNothingStored(before);
    }

    @Test
    void bytesOfATypeTheRouteRefusesAreRefusedFromTheFirstBytesNotAtTheSizeLimit() throws Exception {
        Course course = course();
        Set<String> before = storedBefore();
        String head = multipartHead("file", "zeros.mp4", "video/mp4", "title", "Zeros");

        RawAnswer answer = RawAnswer.chunked(this.serverPort, "/api/courses/" + course.id() + "/videos", head,
                new byte[64 * 1024], 64L * 1024 * 1024);

        // Before the type was judged from the first bytes, the zeros were written to the
        // temporary file up to the size limit (413).
        assertThat(answer.status()).as(answer.toString()).isEqualTo(415);
        assertThat(answer.code()).isEqualTo("unsupported-media-type");
        assertThat(count("SELECT count(*) FROM course_videos WHERE mongo_course_id = ?", course.id())).isZero();
        assertNothingStored(before);
    }

    // --- request sizes
    // -------------------------------------------------------------------------------------------

    @Test
    void aDeclaredLengthOverTheRouteLimitIs413BeforeContinueAndBeforeAnyByte() throws Exception {
        Course course = course();
        Set<String> before = storedBefore();
        try (Socket socket = new Socket("127.0.0.1", this.serverPort)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/courses/" + course.id() + "/videos HTTP/1.1\r\nHost: localhost\r\n" + authorization()
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + (6L << 30) + "\r\n"
                    + "Expect: 100-continue\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            RawAnswer answer = RawAnswer.read(socket.getInputStream(), 0);

            assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
            assertThat(answer.code()).isEqualTo("request-too-large");
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        assertThat(count("SELECT count(*) FROM course_videos WHERE mongo_course_id = ?", course.id())).isZero();
        assertNothingStored(before);
    }

    @Test
    void aRequestOverTheRequestLimitIsRefusedEvenWhenEachFileIsWithinItsOwn() throws Exception {
        String product = product();
        Set<String> before = storedBefore();
        byte[] first = padded(png(40, 40), 1_700_000);
        byte[] second = padded(png(41, 40), 1_700_000);
        Multipart form = new Multipart().file("files", "a.png", "image/png", first)
            .file("files", "b.png", "image/png", second);

        RawAnswer declared = RawAnswer.send(this.serverPort, "/api/products/" + product + "/images", form);
        String head = multipartHead("files", "a.png", "image/png", null, null);
        byte[] chunkOfImages = padded(png(42, 40), 1_000_000);
        RawAnswer chunked = RawAnswer.chunked(this.serverPort, "/api/products/" + product + "/images", head,
                multipartRepeat(chunkOfImages), 64L * 1024 * 1024);

        assertThat(declared.status()).as(declared.toString()).isEqualTo(413);
        assertThat(declared.code()).isEqualTo("request-too-large");
        assertThat(chunked.status()).as(chunked.toString()).isEqualTo(413);
        assertThat(chunked.code()).isEqualTo("request-too-large");
        assertThat(chunked.sentBeforeAnswer()).as("bytes sent before the answer").isLessThan(3 * 1024 * 1024 + LATE);
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?", product)).isZero();
        assertNothingStored(before);
    }

    @Test
    void anOversizedChunkedFileIsAnsweredAtTheLimitNotDrainedToItsEnd() throws Exception {
        String product = product();
        Set<String> before = storedBefore();
        String head = multipartHead("files", "huge.png", "image/png", null, null);
        byte[] start = png(50, 50);

        RawAnswer answer = RawAnswer.chunked(this.serverPort, "/api/products/" + product + "/images",
                head + new String(start, StandardCharsets.ISO_8859_1), new byte[64 * 1024], 512L * 1024 * 1024);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
        assertThat(answer.code()).isEqualTo("upload-too-large");
        assertThat(answer.sentBeforeAnswer()).as("bytes sent before the answer").isLessThan(FILE_LIMIT + LATE);
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?", product)).isZero();
        assertNothingStored(before);
    }

    @Test
    void aBodyShorterThanItsDeclaredLengthIsNeverRecorded() throws Exception {
        String product = product();
        Set<String> before = storedBefore();
        Multipart form = new Multipart().file("files", "short.png", "image/png", png(60, 60));
        try (Socket socket = new Socket("127.0.0.1", this.serverPort)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/products/" + product + "/images HTTP/1.1\r\nHost: localhost\r\n" + authorization()
                    + "Content-Type: " + form.contentType() + "\r\nContent-Length: " + (form.bytes().length + 5000)
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            // A complete form, but shorter than declared: then the client goes away.
            out.write(form.bytes());
            out.flush();
            socket.shutdownOutput();
            socket.getInputStream().readAllBytes();
        }

        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?", product)).isZero();
        assertNothingStored(before);
    }

    // --- digests
    // ------------------------------------------------------------------------------------------------

    @Test
    void aDigestOfTheBodyOrOfTheFileIsCheckedAndAMismatchKeepsNothing() throws Exception {
        String product = product();
        byte[] pdf = Files.readAllBytes(TestFiles.pdf(this.dir, "digest.pdf", 2));
        Multipart good = documentForm(product, pdf);
        Set<String> before = storedBefore();

        Response wrongBody = api.multipart("/api/media", good, "Content-Digest", "sha-256=:" + base64Sha256(pdf) + ":");
        Response wrongFile = api.multipart("/api/media", good, "x-amz-checksum-sha256",
                base64Sha256("other".getBytes(StandardCharsets.UTF_8)));
        Response malformed = api.multipart("/api/media", good, "Repr-Digest", "sha-256=abc");
        Response malformedAmz = api.malformed().multipart("/api/media", good, "x-amz-checksum-sha256", "not base64!");

        assertProblem(wrongBody, 400, "digest-mismatch");
        assertProblem(wrongFile, 400, "digest-mismatch");
        assertProblem(malformed, 400, "malformed-digest");
        assertProblem(malformedAmz, 400, "malformed-digest");
        assertThat(count("SELECT count(*) FROM media_storage WHERE reference_id = ?", product)).isZero();
        assertNothingStored(before);

        Response body = api.multipart("/api/media", good, "Content-Digest",
                "sha-512=:AAAA:, sha-256=:" + base64Sha256(good.bytes()) + ":");
        Multipart another = documentForm(product, pdf);
        Response repr = api.multipart("/api/media", another, "Repr-Digest",
                "sha-256=:" + base64Sha256(another.bytes()) + ":");
        Response file = api.multipart("/api/media", documentForm(product, pdf), "x-amz-checksum-sha256",
                base64Sha256(pdf));
        assertThat(body.status()).as(body.toString()).isEqualTo(201);
        assertThat(repr.status()).as(repr.toString()).isEqualTo(201);
        assertThat(file.status()).as(file.toString()).isEqualTo(201);
    }

    private Multipart documentForm(String product, byte[] pdf) {
        return new Multipart().field("referenceType", "PRODUCT")
            .field("referenceId", product)
            .field("mediaType", "DOCUMENT")
            .file("file", "digest.pdf", "application/pdf", pdf);
    }

    // --- text fields
    // --------------------------------------------------------------------------------------------

    @Test
    void theNumberAndTotalSizeOfTextFieldsAreCapped() throws Exception {
        String product = product();
        Set<String> before = storedBefore();
        Multipart many = new Multipart();
        for (int i = 0; i < 65; i++) {
            many.field("note" + i, "x");
        }
        many.file("files", "a.png", "image/png", png(70, 70));
        Multipart large = new Multipart();
        for (int i = 0; i < 4; i++) {
            large.field("note" + i, "y".repeat(60 * 1024));
        }
        large.file("files", "b.png", "image/png", png(71, 70));

        assertProblem(api.malformed().multipart("/api/products/" + product + "/images", many), 400, "too-many-fields");
        assertProblem(api.malformed().multipart("/api/products/" + product + "/images", large), 413,
                "fields-too-large");
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?", product)).isZero();
        assertNothingStored(before);
    }

    // --- helpers
    // ------------------------------------------------------------------------------------------------

    Course course() {
        JsonNode course = api.post("/api/courses", Map.of("title", "Hostile", "sections",
                List.of(Map.of("title", "S", "lessons", List.of(Map.of("title", "L"))))))
            .json();
        return new Course(course.path("id").asString(),
                course.path("sections").get(0).path("lessons").get(0).path("id").asString());
    }

    String product() {
        return api.post("/api/products", Map.of("name", "Lamp", "price", 20, "sku", unique("HOSTILE")))
            .json()
            .path("id")
            .asString();
    }

    Response uploadImages(String productId, Multipart form) {
        return api.multipart("/api/products/" + productId + "/images", form);
    }

    byte[] png(int width, int height) throws IOException {
        return Files.readAllBytes(TestFiles.image(this.dir, unique("img") + ".png", "png", width, height, false));
    }

    /** A PNG followed by zeros up to {@code size} bytes (still sniffed as a PNG). */
    static byte[] padded(byte[] png, int size) {
        byte[] padded = new byte[size];
        System.arraycopy(png, 0, padded, 0, png.length);
        return padded;
    }

    static int readInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8)
                | (bytes[at + 3] & 0xff);
    }

    static String base64Sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static final String BOUNDARY = "hostile-boundary";

    /** The start of a form: an optional text field, then the head of a file part. */
    static String multipartHead(String part, String fileName, String type, String field, String value) {
        StringBuilder head = new StringBuilder();
        if (field != null) {
            head.append("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n")
                .append(value)
                .append("\r\n");
        }
        head.append("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n");
        return head.toString();
    }

    /** An image, then the head of the next image part, to repeat without end. */
    static byte[] multipartRepeat(byte[] image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(image);
        out.writeBytes(("\r\n" + multipartHead("files", "more.png", "image/png", null, null))
            .getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    Set<String> storedHashes() {
        Set<String> hashes = new HashSet<>();
        this.store.forEachBlob((blob) -> hashes.add(blob.sha256()));
        return hashes;
    }

    long stagedFiles() throws IOException {
        Path staging = ((LocalBlobStore) this.store).root().resolve("tmp");
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.count();
        }
    }

    /** The bytes stored before a test, once the garbage of earlier tests is collected. */
    Set<String> storedBefore() {
        this.collector.collectDue();
        return storedHashes();
    }

    /**
     * Nothing of a refused request remains: no temporary file, and once what it gave up
     * is collected, no bytes.
     */
    void assertNothingStored(Set<String> before) throws IOException {
        this.collector.collectDue();
        assertThat(stagedFiles()).as("temporary files").isZero();
        assertThat(this.uploads.bytesInTemp()).as("bytes counted in temporary files").isZero();
        assertThat(storedHashes()).as("stored bytes").isEqualTo(before);
    }

    record Course(String id, String lessonId) {
    }

    /**
     * An answer read from a raw socket while the request may still be being sent, with
     * how many body bytes had been sent when its first bytes arrived.
     */
    record RawAnswer(int status, Map<String, String> headers, String body, long sentBeforeAnswer) {

        String code() {
            return JSON.readTree(this.body).path("code").asString();
        }

        String contentType() {
            return this.headers.getOrDefault("content-type", "");
        }

        /**
         * Sends a form with its length declared, reading the answer while the body is
         * still being written.
         */
        static RawAnswer send(int port, String path, Multipart form) throws Exception {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(30_000);
                OutputStream out = socket.getOutputStream();
                AtomicLong sent = new AtomicLong();
                byte[] body = form.bytes();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + authorization() + "Content-Type: "
                        + form.contentType() + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                    try {
                        for (int at = 0; at < body.length; at += 16 * 1024) {
                            int n = Math.min(16 * 1024, body.length - at);
                            out.write(body, at, n);
                            sent.addAndGet(n);
                        }
                        out.flush();
                    }
                    catch (IOException ex) {
                        // The server answered and closed: what was sent is counted.
                    }
                });
                RawAnswer answer = read(socket.getInputStream(), sent);
                writer.get(30, TimeUnit.SECONDS);
                return answer;
            }
        }

        /**
         * Sends {@code head} then {@code repeated} again and again in chunks, up to
         * {@code most} bytes, reading the answer at the same time.
         */
        static RawAnswer chunked(int port, String path, String head, byte[] repeated, long most) throws Exception {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                AtomicLong sent = new AtomicLong();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + authorization()
                        + "Content-Type: multipart/form-data; " + "boundary=" + BOUNDARY
                        + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                    try {
                        chunk(out, head.getBytes(StandardCharsets.ISO_8859_1));
                        sent.addAndGet(head.length());
                        while (sent.get() < most) {
                            chunk(out, repeated);
                            sent.addAndGet(repeated.length);
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                    catch (IOException ex) {
                        // The server answered and closed: what was sent is counted.
                    }
                });
                RawAnswer answer = read(socket.getInputStream(), sent);
                socket.close();
                writer.get(60, TimeUnit.SECONDS);
                return answer;
            }
        }

        private static void chunk(OutputStream out, byte[] bytes) throws IOException {
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        static RawAnswer read(InputStream in, long sent) throws IOException {
            return read(in, new AtomicLong(sent));
        }

        /** Reads the status line, the headers and a body of Content-Length or chunked. */
        static RawAnswer read(InputStream in, AtomicLong sent) throws IOException {
            String statusLine = line(in);
            long sentThen = sent.get();
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (headers.containsKey("content-length")) {
                body.writeBytes(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            }
            else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0; size = Integer
                    .parseInt(line(in).split(";")[0].strip(), 16)) {
                    body.writeBytes(in.readNBytes(size));
                    line(in);
                }
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            return new RawAnswer(status, headers, body.toString(StandardCharsets.UTF_8), sentThen);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

    }

}
