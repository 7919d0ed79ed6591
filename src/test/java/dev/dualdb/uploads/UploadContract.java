package dev.dualdb.uploads;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import dev.dualdb.blob.BlobStore;
import dev.dualdb.blob.TestFiles;
import dev.dualdb.media.internal.BlobCollector;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.Multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every upload route with real files, and delivery of what was stored. Run once against
 * the local directory store and once against S3 (S3Proxy): the same behaviour is expected
 * of both.
 */
abstract class UploadContract extends ApiTest {

    @TempDir
    Path dir;

    @Autowired
    BlobStore store;

    @Autowired
    BlobCollector collector;

    @LocalServerPort
    int serverPort;

    /** Where the store keeps files while they are being uploaded. */
    abstract Path stagingDirectory();

    /** Overwrites the stored bytes under {@code sha256}, behind the service's back. */
    abstract void corrupt(String sha256, byte[] bytes) throws IOException;

    // --- helpers
    // ------------------------------------------------------------------------------------------------

    String product() {
        return api.post("/api/products", Map.of("name", "Lamp", "price", 20, "sku", unique("LAMP")))
            .json()
            .path("id")
            .asString();
    }

    byte[] png(int width, int height) throws IOException {
        return Files.readAllBytes(TestFiles.image(this.dir, unique("img") + ".png", "png", width, height, false));
    }

    Set<String> storedHashes() {
        Set<String> hashes = new HashSet<>();
        this.store.forEachBlob((blob) -> hashes.add(blob.sha256()));
        return hashes;
    }

    long stagedFiles() throws IOException {
        if (!Files.isDirectory(stagingDirectory())) {
            return 0;
        }
        try (Stream<Path> files = Files.list(stagingDirectory())) {
            return files.count();
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    Response uploadImages(String productId, Multipart form) {
        return api.multipart("/api/products/" + productId + "/images", form);
    }

    /**
     * Asserts that a rejected upload left nothing: no row, no temporary file, no new
     * bytes.
     */
    void assertNothingLeft(String productId, Set<String> storedBefore) throws IOException {
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?", productId)).isZero();
        assertThat(stagedFiles()).as("temporary files").isZero();
        assertThat(storedHashes()).as("stored bytes").isEqualTo(storedBefore);
    }

    // --- product images
    // -----------------------------------------------------------------------------------------

    @Test
    void anUploadedImageIsStoredProbedThumbnailedAndServed() throws Exception {
        String product = product();
        byte[] image = png(1200, 600);

        Response uploaded = uploadImages(product, new Multipart().file("files", "front view.png", "image/png", image));

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode saved = uploaded.json().get(0);
        assertThat(saved.path("storageType").asString()).isEqualTo(this.store.storageType());
        assertThat(saved.path("mimeType").asString()).isEqualTo("image/png");
        assertThat(saved.path("width").asInt()).isEqualTo(1200);
        assertThat(saved.path("height").asInt()).isEqualTo(600);
        assertThat(saved.path("fileSize").asLong()).isEqualTo(image.length);
        assertThat(saved.path("fileName").asString()).isEqualTo("front view.png");
        String url = saved.path("imageUrl").asString();
        assertThat(url).isEqualTo("/media/" + saved.path("id").asString());
        assertThat(saved.path("renditions").findValuesAsString("url")).hasSize(3);
        assertThat(saved.path("renditions").get(0).path("width").asInt()).isEqualTo(160);
        assertThat(saved.path("renditions").get(0).path("height").asInt()).isEqualTo(80);

        Response bytes = api.fetch("GET", url);
        assertThat(bytes.status()).isEqualTo(200);
        assertThat(bytes.bytes()).isEqualTo(image);
        assertThat(bytes.contentType()).isEqualTo("image/png");
        assertThat(bytes.header("ETag")).isEqualTo("\"" + sha256(image) + "\"");
        assertThat(bytes.header("Cache-Control")).contains("immutable");
        assertThat(bytes.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(bytes.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(bytes.header("Content-Disposition")).startsWith("inline");
        assertThat(bytes.header("Last-Modified")).isNotBlank();

        Response thumbnail = api.fetch("GET", url + "/renditions/480");
        assertThat(thumbnail.status()).isEqualTo(200);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(thumbnail.bytes()));
        assertThat(decoded.getWidth()).isEqualTo(480);
        assertThat(decoded.getHeight()).isEqualTo(240);
        assertProblem(api.fetch("GET", url + "/renditions/333"), 404, "rendition-not-found");

        JsonNode read = api.get("/api/products/" + product).json();
        assertThat(read.path("images").get(0).path("renditions")).hasSize(3);
    }

    @Test
    void severalFilesInOneRequestAndTheSameBytesStoredOnce() throws Exception {
        String first = product();
        String second = product();
        byte[] image = png(64, 64);
        byte[] other = png(65, 64);

        Response both = uploadImages(first,
                new Multipart().file("files", "a.png", "image/png", image).file("files", "b.png", "image/png", other));
        Response again = uploadImages(second, new Multipart().file("files", "copy.png", "image/png", image));

        assertThat(both.status()).as(both.toString()).isEqualTo(201);
        assertThat(both.json()).hasSize(2);
        assertThat(again.status()).isEqualTo(201);
        String hash = sha256(image);
        assertThat(count("SELECT count(*) FROM product_images WHERE blob_sha256 = ?", hash)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM blobs WHERE sha256 = ?", hash)).isEqualTo(1);
        assertThat(storedHashes()).contains(hash);
    }

    @Test
    void aClaimedTypeThatContradictsTheBytesIs415AndLeavesNothing() throws Exception {
        String product = product();
        Set<String> before = storedHashes();

        assertProblem(uploadImages(product, new Multipart().file("files", "x.jpg", "image/jpeg", png(20, 20))), 415,
                "content-type-mismatch");
        byte[] pdf = Files.readAllBytes(TestFiles.pdf(this.dir, "doc.pdf", 1));
        assertProblem(uploadImages(product, new Multipart().file("files", "doc.png", "image/png", pdf)), 415,
                "content-type-mismatch");
        assertProblem(uploadImages(product, new Multipart().file("files", "doc.png", null, pdf)), 415,
                "unsupported-media-type");
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);
        assertProblem(uploadImages(product, new Multipart().file("files", "logo.svg", "image/svg+xml", svg)), 415,
                "unsupported-media-type");
        assertNothingLeft(product, before);
    }

    @Test
    void anOverSizeFileIs413AndLeavesNothing() throws Exception {
        String product = product();
        Set<String> before = storedHashes();
        byte[] big = new byte[2 * 1024 * 1024 + 10];
        System.arraycopy(png(10, 10), 0, big, 0, 100);

        Response response = uploadImages(product, new Multipart().file("files", "big.png", "image/png", big));

        assertProblem(response, 413, "upload-too-large");
        assertNothingLeft(product, before);
    }

    @Test
    void aPixelFloodIsRejectedBeforeDecoding() throws Exception {
        String product = product();
        Set<String> before = storedHashes();
        byte[] flood = Files.readAllBytes(TestFiles.pixelFloodPng(this.dir, "flood.png", 100_000, 100_000));

        assertProblem(uploadImages(product, new Multipart().file("files", "flood.png", "image/png", flood)), 413,
                "image-dimensions-too-large");
        assertNothingLeft(product, before);
    }

    @Test
    void aFailedFileInAManyFileRequestLeavesNoRowAndItsStoredBytesAreCollected() throws Exception {
        String product = product();
        Set<String> before = storedHashes();
        byte[] good = png(33, 33);

        Response response = uploadImages(product, new Multipart().file("files", "good.png", "image/png", good)
            .file("files", "bad.png", "image/png", "not an image".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(415);
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?", product)).isZero();
        this.collector.collectDue();
        assertThat(storedHashes()).isEqualTo(before);
        assertThat(stagedFiles()).isZero();
    }

    @Test
    void tooManyFilesAndNoFilesAre400() throws Exception {
        String product = product();
        Multipart many = new Multipart();
        for (int i = 0; i < 11; i++) {
            many.file("files", i + ".png", "image/png", png(8 + i, 8));
        }

        assertProblem(uploadImages(product, many), 400, "too-many-files");
        assertProblem(uploadImages(product, new Multipart().field("note", "no file")), 400, "no-file");
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?", product)).isZero();
    }

    @Test
    void uploadsToAProductThatDoesNotExistAre404() throws Exception {
        assertProblem(uploadImages("0123456789abcdef01234567",
                new Multipart().file("files", "a.png", "image/png", png(9, 9))), 404, "product-not-found");
    }

    @Test
    void aProductIsCreatedWithItsImageFilesInOneRequest() throws Exception {
        String sku = unique("DESK");
        Response created = api.multipart("/api/products",
                new Multipart().field("product", "{\"name\":\"Desk\",\"price\":120,\"sku\":\"" + sku + "\"}")
                    .file("files", "desk.png", "image/png", png(300, 200))
                    .file("files", "desk-side.png", "image/png", png(200, 300)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("sku").asString()).isEqualTo(sku);
        assertThat(created.json().path("images")).hasSize(2);
        assertThat(created.json().path("images").get(1).path("position").asInt()).isEqualTo(1);

        Response invalid = api.malformed()
            .multipart("/api/products", new Multipart().field("product", "{\"name\":\"\",\"price\":-1,\"sku\":\"x y\"}")
                .file("files", "desk.png", "image/png", png(30, 20)));
        assertProblem(invalid, 400, "validation-failed");
        Response missing = api.multipart("/api/products",
                new Multipart().file("files", "desk.png", "image/png", png(30, 21)));
        assertProblem(missing, 400, "missing-product-part");
    }

    @Test
    void deletingAnImageCollectsItsBytesOnlyWhenNothingElseUsesThem() throws Exception {
        String first = product();
        String second = product();
        byte[] shared = png(41, 41);
        byte[] own = png(42, 41);
        String firstShared = uploadImages(first, new Multipart().file("files", "s.png", "image/png", shared)).json()
            .get(0)
            .path("id")
            .asString();
        uploadImages(second, new Multipart().file("files", "s.png", "image/png", shared));
        String firstOwn = uploadImages(first, new Multipart().file("files", "o.png", "image/png", own)).json()
            .get(0)
            .path("id")
            .asString();

        assertThat(api.delete("/api/products/" + first + "/images/" + firstShared).status()).isEqualTo(204);
        assertThat(api.delete("/api/products/" + first + "/images/" + firstOwn).status()).isEqualTo(204);
        this.collector.collectDue();

        Set<String> stored = storedHashes();
        assertThat(stored).contains(sha256(shared)).doesNotContain(sha256(own));
        assertThat(count("SELECT count(*) FROM blobs WHERE sha256 = ?", sha256(own))).isZero();
        assertThat(count("SELECT count(*) FROM renditions WHERE source_sha256 = ?", sha256(own))).isZero();
        assertProblem(api.fetch("GET", "/media/" + firstOwn), 404, "media-not-found");
    }

    // --- videos, resources, any media
    // ------------------------------------------------------------------------------

    @Test
    void aCourseVideoFileIsUploadedProbedAndStreamed() throws Exception {
        JsonNode course = api.post("/api/courses", Map.of("title", "Film school", "sections",
                List.of(Map.of("title", "S", "lessons", List.of(Map.of("title", "L"))))))
            .json();
        String courseId = course.path("id").asString();
        String lessonId = course.path("sections").get(0).path("lessons").get(0).path("id").asString();
        byte[] mp4 = Files.readAllBytes(TestFiles.fixture(this.dir, "tiny.mp4"));

        Response uploaded = api.multipart("/api/courses/" + courseId + "/videos",
                new Multipart().field("title", "Welcome")
                    .field("lessonId", lessonId)
                    .field("isPreview", "true")
                    .file("file", "welcome.mp4", "video/mp4", mp4));

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.json().path("videoType").asString()).isEqualTo("UPLOAD");
        assertThat(uploaded.json().path("mimeType").asString()).isEqualTo("video/mp4");
        assertThat(uploaded.json().path("duration").decimalValue()).isPositive();
        assertThat(uploaded.json().path("isPreview").asBoolean()).isTrue();
        JsonNode lesson = api.get("/api/courses/" + courseId).json().path("sections").get(0).path("lessons").get(0);
        assertThat(lesson.path("videos")).hasSize(1);
        Response bytes = api.fetch("GET", uploaded.json().path("videoUrl").asString(), "Range", "bytes=0-99");
        assertThat(bytes.status()).isEqualTo(206);
        assertThat(bytes.bytes()).isEqualTo(Arrays.copyOf(mp4, 100));
        assertThat(bytes.header("Content-Disposition")).startsWith("inline");

        assertProblem(api.malformed()
            .multipart("/api/courses/" + courseId + "/videos",
                    new Multipart().field("title", "Not a video").file("file", "a.png", "video/mp4", png(10, 10))),
                415, "content-type-mismatch");
        assertProblem(api.malformed()
            .multipart("/api/courses/" + courseId + "/videos",
                    new Multipart().file("file", "welcome.mp4", "video/mp4", mp4)),
                400, "validation-failed");
    }

    @Test
    void lessonResourcesGetTheirTypeAndPageCountFromTheBytes() throws Exception {
        JsonNode course = api.post("/api/courses", Map.of("title", "Reading", "sections",
                List.of(Map.of("title", "S", "lessons", List.of(Map.of("title", "L"))))))
            .json();
        String courseId = course.path("id").asString();
        String lessonId = course.path("sections").get(0).path("lessons").get(0).path("id").asString();
        byte[] pdf = Files.readAllBytes(TestFiles.pdf(this.dir, "notes.pdf", 3));
        byte[] zip = Files.readAllBytes(TestFiles.zip(this.dir, "code.zip"));

        Response notes = api.multipart("/api/courses/" + courseId + "/lessons/" + lessonId + "/resources",
                new Multipart().field("resourceName", "Lecture notes").file("file", "notes.pdf", null, pdf));
        Response code = api.multipart("/api/courses/" + courseId + "/lessons/" + lessonId + "/resources",
                new Multipart().file("file", "café code.zip", "application/zip", zip));

        assertThat(notes.status()).as(notes.toString()).isEqualTo(201);
        assertThat(notes.json().path("resourceType").asString()).isEqualTo("PDF");
        assertThat(notes.json().path("pageCount").asInt()).isEqualTo(3);
        assertThat(notes.json().path("resourceName").asString()).isEqualTo("Lecture notes");
        assertThat(api.fetch("GET", notes.json().path("resourceUrl").asString()).header("Content-Disposition"))
            .startsWith("inline");
        assertThat(code.status()).as(code.toString()).isEqualTo(201);
        assertThat(code.json().path("resourceType").asString()).isEqualTo("ARCHIVE");
        String disposition = api.fetch("GET", code.json().path("resourceUrl").asString()).header("Content-Disposition");
        assertThat(disposition).startsWith("attachment").contains("filename*=UTF-8''caf%C3%A9%20code.zip");
        assertProblem(api.multipart("/api/courses/" + courseId + "/lessons/0123456789abcdef01234567/resources",
                new Multipart().file("file", "notes.pdf", null, pdf)), 404, "lesson-not-found");
    }

    @Test
    void anyMediaCanBeUploadedAgainstAnExistingOwner() throws Exception {
        String product = product();
        byte[] pdf = Files.readAllBytes(TestFiles.pdf(this.dir, "manual.pdf", 2));

        Response saved = api.multipart("/api/media",
                new Multipart().field("referenceType", "PRODUCT")
                    .field("referenceId", product)
                    .field("mediaType", "DOCUMENT")
                    .file("file", "manual.pdf", "application/pdf", pdf));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        assertThat(saved.json().path("pageCount").asInt()).isEqualTo(2);
        assertThat(saved.json().path("storageType").asString()).isEqualTo(this.store.storageType());
        assertThat(api.fetch("GET", saved.json().path("mediaUrl").asString()).bytes()).isEqualTo(pdf);
        Set<String> before = storedHashes();
        assertProblem(
                api.multipart("/api/media",
                        new Multipart().field("referenceType", "PRODUCT")
                            .field("referenceId", "0123456789abcdef01234567")
                            .field("mediaType", "DOCUMENT")
                            .file("file", "other.pdf", "application/pdf",
                                    Files.readAllBytes(TestFiles.pdf(this.dir, "other.pdf", 4)))),
                404, "product-not-found");
        assertThat(storedHashes()).isEqualTo(before);
    }

    // --- delivery
    // -------------------------------------------------------------------------------------------------

    @Test
    void everyRangeCaseIsAnsweredProperly() throws Exception {
        String product = product();
        byte[] image = png(200, 100);
        int n = image.length;
        String url = uploadImages(product, new Multipart().file("files", "r.png", "image/png", image)).json()
            .get(0)
            .path("imageUrl")
            .asString();
        String etag = api.fetch("HEAD", url).header("ETag");

        Response first = api.fetch("GET", url, "Range", "bytes=0-9");
        assertThat(first.status()).isEqualTo(206);
        assertThat(first.header("Content-Range")).isEqualTo("bytes 0-9/" + n);
        assertThat(first.bytes()).isEqualTo(Arrays.copyOfRange(image, 0, 10));

        Response open = api.fetch("GET", url, "Range", "bytes=10-");
        assertThat(open.status()).isEqualTo(206);
        assertThat(open.bytes()).isEqualTo(Arrays.copyOfRange(image, 10, n));

        Response suffix = api.fetch("GET", url, "Range", "bytes=-5");
        assertThat(suffix.status()).isEqualTo(206);
        assertThat(suffix.header("Content-Range")).isEqualTo("bytes " + (n - 5) + "-" + (n - 1) + "/" + n);
        assertThat(suffix.bytes()).isEqualTo(Arrays.copyOfRange(image, n - 5, n));

        Response unsatisfiable = api.fetch("GET", url, "Range", "bytes=" + n + "-");
        assertThat(unsatisfiable.status()).isEqualTo(416);
        assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */" + n);

        Response two = api.fetch("GET", url, "Range", "bytes=0-1,4-5");
        assertThat(two.status()).isEqualTo(206);
        assertThat(two.contentType()).startsWith("multipart/byteranges");
        assertThat(two.body()).contains("Content-Range: bytes 0-1/" + n).contains("Content-Range: bytes 4-5/" + n);

        String overlapping = "bytes=" + String.join(",", Collections.nCopies(200, "0-"));
        Response amplified = api.fetch("GET", url, "Range", overlapping);
        assertThat(amplified.status()).isIn(200, 206);
        assertThat(amplified.bytes().length).as("never more than the body, whatever is asked")
            .isLessThanOrEqualTo(n + 200);

        assertThat(api.fetch("GET", url, "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(api.fetch("GET", url, "If-None-Match", "\"something-else\"").status()).isEqualTo(200);
        assertThat(api.fetch("GET", url, "Range", "bytes=0-9", "If-Range", etag).status()).isEqualTo(206);
        Response stale = api.fetch("GET", url, "Range", "bytes=0-9", "If-Range", "\"stale\"");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.bytes()).isEqualTo(image);

        Response head = api.fetch("HEAD", url);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(n));
        assertThat(head.bytes()).isEmpty();
    }

    @Test
    void externalMediaAndUnknownIdsHaveNoBytesHere() {
        assertProblem(api.fetch("GET", "/media/7d1c2f40-0000-4000-8000-000000000000"), 404, "media-not-found");
        assertProblem(api.malformed().fetch("GET", "/media/not-a-uuid"), 400, "malformed-id");
    }

    @Test
    void mediaOfAnOwnerThatIsGoneIsNeverServedEvenBeforeTheReconcilerRuns() throws Exception {
        String product = product();
        String image = uploadImages(product, new Multipart().file("files", "o.png", "image/png", png(21, 21))).json()
            .get(0)
            .path("id")
            .asString();
        String manual = api
            .multipart("/api/media", new Multipart().field("referenceType", "PRODUCT")
                .field("referenceId", product)
                .field("mediaType", "DOCUMENT")
                .file("file", "m.pdf", "application/pdf", Files.readAllBytes(TestFiles.pdf(this.dir, "m.pdf", 1))))
            .json()
            .path("id")
            .asString();
        // The product document goes, and the second step of the delete never happens (a
        // crash).
        mongo.getCollection("products").deleteOne(new Document("_id", new ObjectId(product)));

        assertProblem(api.fetch("GET", "/media/" + image), 404, "media-not-found");
        assertProblem(api.fetch("GET", "/media/" + image + "/renditions/160"), 404, "media-not-found");
        assertProblem(api.get("/api/media/" + manual), 404, "media-not-found");
        assertProblem(api.get("/api/media?referenceType=PRODUCT&referenceId=" + product), 404, "product-not-found");
    }

    // --- leaving nothing behind
    // -----------------------------------------------------------------------------------

    @Test
    void aClientThatDisconnectsMidUploadLeavesNothing() throws Exception {
        String product = product();
        Set<String> before = storedHashes();
        String boundary = "----dualdb-disconnect";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"cut.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", this.serverPort)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/products/" + product + "/images HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + api.token() + "\r\n" + "Content-Type: multipart/form-data; boundary="
                    + boundary + "\r\n" + "Content-Length: 1000000\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(png(300, 300));
            out.write(new byte[100_000]);
            out.flush();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stagedFiles()).isZero());
        assertNothingLeft(product, before);
    }

    // --- damaged bytes
    // ------------------------------------------------------------------------------------------

    /** Stored bytes with one byte changed: same size, another hash. */
    void damage(String sha256, byte[] original) throws IOException {
        byte[] damaged = original.clone();
        damaged[damaged.length / 2] ^= 0x5a;
        corrupt(sha256, damaged);
    }

    String lessonResource(byte[] text) {
        JsonNode course = api
            .post("/api/courses", Map.of("title", "Damage", "sections",
                    List.of(Map.of("title", "S", "lessons", List.of(Map.of("title", "L"))))))
            .json();
        String courseId = course.path("id").asString();
        String lessonId = course.path("sections").get(0).path("lessons").get(0).path("id").asString();
        Response saved = api.multipart("/api/courses/" + courseId + "/lessons/" + lessonId + "/resources",
                new Multipart().file("file", "notes.txt", "text/plain", text));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        return saved.json().path("resourceUrl").asString();
    }

    @Test
    void damagedBytesFoundByAReadAreQuarantinedAndNeverServedUnderTheirETag() throws Exception {
        String product = product();
        byte[] image = png(40, 30);
        Response saved = uploadImages(product, new Multipart().file("files", "a.png", "image/png", image));
        String url = saved.json().get(0).path("imageUrl").asString();
        String hash = sha256(image);
        damage(hash, image);

        // A small body is hashed before any of it goes out: the client gets the problem.
        Response read = api.fetch("GET", url);
        assertProblem(read, 409, "media-quarantined");
        assertThat(read.body()).contains(url.substring("/media/".length()));
        assertThat(read.header("ETag")).isNull();
        // From now on, on every instance, without reading the bytes again; ranges too.
        assertProblem(api.fetch("GET", url, "Range", "bytes=0-9"), 409, "media-quarantined");
        assertProblem(api.fetch("GET", url, "If-None-Match", "\"" + hash + "\""), 409, "media-quarantined");
        assertThat(count("SELECT count(*) FROM blobs WHERE sha256 = ? AND quarantined_at IS NOT NULL", hash))
            .isEqualTo(1);
        // The row and the bytes are kept for an operator; the report names the blob.
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?", product)).isEqualTo(1);
        JsonNode report = api.post("/api/admin/reconciliation?dryRun=true").json();
        assertThat(report.path("findings").path("quarantinedBlobs").path("found").asLong()).isPositive();
    }

    @Test
    void aLargeDamagedBodyIsBrokenOffBeforeItsLastBytes() throws Exception {
        byte[] text = "All work and no play makes a damaged blob.\n".repeat(8000).getBytes(StandardCharsets.US_ASCII);
        String url = lessonResource(text);
        String hash = sha256(text);
        damage(hash, text);

        // The head has gone out under the ETag when the hash is known: the transfer is
        // broken off, so no client takes it for complete.
        byte[] received = rawGet(url);
        String head = new String(received, 0, Math.min(received.length, 400), StandardCharsets.ISO_8859_1);
        assertThat(head).startsWith("HTTP/1.1 200");
        assertThat(received.length).isLessThan(text.length);
        assertProblem(api.fetch("GET", url), 409, "media-quarantined");
    }

    @Test
    void damagedBytesFoundByTheReconcilerAreQuarantinedAndReported() throws Exception {
        byte[] text = "Reconciled text.\n".repeat(100).getBytes(StandardCharsets.US_ASCII);
        String url = lessonResource(text);
        String hash = sha256(text);
        assertThat(api.fetch("GET", url).status()).isEqualTo(200);
        damage(hash, text);

        JsonNode dryRun = api.post("/api/admin/reconciliation?dryRun=true&fullAudit=true").json();
        assertThat(dryRun.path("findings").path("hashMismatches").path("found").asLong()).isPositive();
        assertThat(count("SELECT count(*) FROM blobs WHERE sha256 = ? AND quarantined_at IS NOT NULL", hash)).isZero();

        JsonNode report = api.post("/api/admin/reconciliation?fullAudit=true").json();
        assertThat(report.path("findings").path("hashMismatches").path("repaired").asLong()).isPositive();
        assertThat(report.path("findings").path("quarantinedBlobs").path("found").asLong()).isPositive();
        assertThat(count("SELECT count(*) FROM blobs WHERE sha256 = ? AND quarantined_at IS NOT NULL", hash))
            .isEqualTo(1);
        // The delivery cache held the media from the first read: quarantine dropped it.
        assertProblem(api.fetch("GET", url), 409, "media-quarantined");
        assertThat(api.fetch("HEAD", url).status()).isEqualTo(409);
    }

    /** GETs over a plain socket, returning whatever arrived before the server closed. */
    byte[] rawGet(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", this.serverPort)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(all);
            }
            catch (IOException ex) {
                // a reset after the partial body: what arrived is what counts
            }
            return all.toByteArray();
        }
    }

}
