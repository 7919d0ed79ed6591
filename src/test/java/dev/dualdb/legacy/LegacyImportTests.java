package dev.dualdb.legacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;

import dev.dualdb.DualdbApplication;
import dev.dualdb.blob.StorageProperties;
import dev.dualdb.blob.TestFiles;
import dev.dualdb.legacy.internal.LegacyImporter;
import dev.dualdb.media.MediaOwnerDirectory;
import dev.dualdb.media.OwnerKind;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar dualdb.jar import}, run in this JVM against the stores of the test
 * service, on catalogs shaped as the original Node/Mongoose application wrote them
 * ({@link LegacyCatalog}). The generated catalogs live in collections of their own (named
 * in a mapping file), so that the counts are exact; the catalog whose media is served
 * back lives in {@code products} and {@code courses}, where the service looks for owners.
 * Every test compares the raw documents before and after: the import never writes to
 * MongoDB.
 */
class LegacyImportTests extends ApiTest {

    @Autowired
    private MongoConnectionDetails mongoDetails;

    @Autowired
    private JdbcConnectionDetails jdbcDetails;

    @Autowired
    private StorageProperties storage;

    @Autowired
    private List<MediaOwnerDirectory> owners;

    @TempDir
    Path directory;

    @Test
    void importsEveryMediaRowOnceAndLeavesTheDocumentsAsTheyWere() throws IOException {
        Catalog catalog = generated(300, 100);

        Run first = run("import", "--mapping=" + catalog.mapping(), "--no-progress");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).containsPattern("documents read\\s+400\\b")
            .containsPattern("media found\\s+" + catalog.counts().total() + "\\b")
            .containsPattern("media rows created\\s+" + catalog.counts().total() + "\\b")
            .containsPattern("skipped, already imported\\s+0\\b")
            .containsPattern("failures\\s+0\\b")
            .containsPattern("rate\\s+\\d+ documents/s");
        assertThat(imported(catalog)).isEqualTo(catalog.counts().total());
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ANY(?)",
                (Object) catalog.productIds()))
            .isEqualTo(catalog.counts().images());
        assertThat(count("SELECT count(*) FROM course_videos WHERE mongo_course_id = ANY(?)",
                (Object) catalog.courseIds()))
            .isEqualTo(catalog.counts().videos());
        assertThat(
                count("SELECT count(*) FROM course_resources WHERE mongo_course_id = ANY(?) AND resource_type = 'PDF'",
                        (Object) catalog.courseIds()))
            .isEqualTo(catalog.counts().resources());
        for (String type : List.of("YOUTUBE", "VIMEO", "EXTERNAL")) {
            assertThat(count("SELECT count(*) FROM course_videos WHERE mongo_course_id = ANY(?) AND video_type = ?"
                    + " AND storage_type = 'EXTERNAL' AND blob_sha256 IS NULL", catalog.courseIds(), type))
                .as(type + " videos, recorded as links")
                .isPositive();
        }
        assertImagesAsTheDocumentHasThem(catalog);
        assertLessonsAsTheDocumentHasThem(catalog);
        assertThat(catalog.current()).as("the documents, untouched").isEqualTo(catalog.before());

        Run second = run("import", "--mapping=" + catalog.mapping(), "--no-progress");

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).containsPattern("media rows created\\s+0\\b")
            .containsPattern("skipped, already imported\\s+" + catalog.counts().total() + "\\b");
        assertThat(imported(catalog)).isEqualTo(catalog.counts().total());
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ANY(?)",
                (Object) catalog.productIds()))
            .isEqualTo(catalog.counts().images());
        assertThat(catalog.current()).isEqualTo(catalog.before());
    }

    @Test
    void aDryRunPrintsWhatItWouldDoAndWritesNothing() throws IOException {
        Catalog catalog = generated(40, 10);

        Run dryRun = run("import", "--mapping=" + catalog.mapping(), "--dry-run", "--no-progress");

        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("dry run, nothing written")
            .contains("would create PRODUCT_IMAGE " + catalog.products().getNamespace().getCollectionName() + "/")
            .contains("(record URL https://cdn.example.com/products/")
            .contains("would create COURSE_VIDEO")
            .contains("would create COURSE_RESOURCE")
            .containsPattern("media rows it would create\\s+" + catalog.counts().total() + "\\b");
        assertThat(imported(catalog)).isZero();
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ANY(?)",
                (Object) catalog.productIds()))
            .isZero();
        assertThat(count("SELECT count(*) FROM course_videos WHERE mongo_course_id = ANY(?)",
                (Object) catalog.courseIds()))
            .isZero();
        assertThat(catalog.current()).isEqualTo(catalog.before());
    }

    @Test
    void anImportStoppedHalfwayIsFinishedByTheNextRun() throws IOException {
        Catalog catalog = generated(200, 60);

        Run stopped = run("import", "--mapping=" + catalog.mapping(), "--limit=120", "--no-progress");

        assertThat(stopped.exitCode()).as(stopped.output()).isZero();
        assertThat(stopped.output()).containsPattern("documents read\\s+120\\b");
        long halfway = imported(catalog);
        assertThat(halfway).isPositive().isLessThan(catalog.counts().total());

        Run finished = run("import", "--mapping=" + catalog.mapping(), "--no-progress");

        assertThat(finished.exitCode()).as(finished.output()).isZero();
        assertThat(finished.output()).containsPattern("documents read\\s+260\\b")
            .containsPattern("skipped, already imported\\s+" + halfway + "\\b")
            .containsPattern("media rows created\\s+" + (catalog.counts().total() - halfway) + "\\b");
        assertThat(imported(catalog)).isEqualTo(catalog.counts().total());
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ANY(?)",
                (Object) catalog.productIds()))
            .as("no image imported twice")
            .isEqualTo(catalog.counts().images());
        assertThat(count("SELECT count(*) FROM (SELECT mongo_product_id FROM product_images"
                + " WHERE mongo_product_id = ANY(?) AND is_primary GROUP BY mongo_product_id HAVING count(*) > 1) d",
                (Object) catalog.productIds()))
            .isZero();

        Run again = run("import", "--mapping=" + catalog.mapping(), "--no-progress");

        assertThat(again.output()).containsPattern("media rows created\\s+0\\b");
        assertThat(catalog.current()).isEqualTo(catalog.before());
    }

    @Test
    void copiedBytesAreCheckedLikeUploadsAndServedLikeThem() throws IOException {
        Path shop = Files.createDirectories(this.directory.resolve("shop"));
        Path uploads = Files.createDirectories(shop.resolve("uploads"));
        Path desk = TestFiles.image(uploads, "desk.png", "png", 64, 48, false);
        Path lamp = TestFiles.image(uploads, "lamp.png", "png", 32, 32, false);
        byte[] huge = new byte[3 * 1024 * 1024];
        System.arraycopy(Files.readAllBytes(desk), 0, huge, 0, 64);
        Path tooLarge = TestFiles.bytes(uploads, "huge.png", huge);
        Path notAnImage = TestFiles.text(uploads, "photo.jpg", "not a picture at all");
        Path elsewhere = TestFiles.image(Files.createDirectories(this.directory.resolve("elsewhere")), "x.png", "png",
                16, 16, false);
        Path notes = TestFiles.pdf(uploads, "notes.pdf", 2);
        Path missing = uploads.resolve("gone.png");
        ObjectId productId = new ObjectId();
        Document product = new Document("_id", productId).append("name", unique("Legacy desk"))
            .append("sku", unique("desk"))
            .append("price", 120.5)
            .append("images",
                    List.of(image(desk.toUri().toString(), "The desk"), image(missing.toUri().toString(), "Gone"),
                            image(tooLarge.toUri().toString(), "Huge"), image(notAnImage.toUri().toString(), "Text"),
                            image(elsewhere.toUri().toString(), "Outside"),
                            image("https://cdn.example.com/desk.jpg", "Not allowed"),
                            image("http://localhost:1/desk.png", "Loopback"), image("ht tp://broken", "Malformed"),
                            new Document("alt", "No url at all"), "/uploads/lamp.png"))
            .append("__v", 0);
        ObjectId courseId = new ObjectId();
        ObjectId lessonId = new ObjectId();
        Document course = new Document("_id", courseId).append("title", unique("Legacy course"))
            .append("sections",
                    List.of(new Document("_id", new ObjectId()).append("title", "Start")
                        .append("lessons", List.of(new Document("_id", lessonId).append("title", "Welcome")
                            .append("videoUrl", "https://youtu.be/legacy")
                            .append("resources",
                                    List.of(new Document("title", "Notes").append("url", "/uploads/notes.pdf")))))));
        this.mongo.getCollection("products").insertOne(product);
        this.mongo.getCollection("courses").insertOne(course);
        Document productBefore = raw("products", productId);
        Document courseBefore = raw("courses", courseId);
        Path mapping = Files.writeString(this.directory.resolve("mapping.yaml"), """
                relativeUrlBase: %s
                """.formatted(shop.toUri()));

        Run run = run("import", "--mapping=" + mapping, "--copy-bytes", "--no-progress",
                "--dualdb.legacy-import.allowed-hosts=localhost");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        String key = "products/" + productId.toHexString() + "/images/";
        assertThat(run.output()).contains(key + "1  missing-file")
            .contains(key + "2  upload-too-large")
            .contains(key + "3  unsupported-media-type")
            .contains(key + "4  file-outside-roots")
            .contains(key + "5  host-not-allowed")
            .contains(key + "6  private-address")
            .contains(key + "7  invalid-url")
            .contains(key + "8  missing-field");
        List<Map<String, Object>> images = this.jdbc
            .sql("SELECT id, image_url, storage_type, blob_sha256, is_primary, position, alt_text, width"
                    + " FROM product_images WHERE mongo_product_id = ? ORDER BY position")
            .param(productId.toHexString())
            .query()
            .listOfRows();
        assertThat(images).hasSize(2);
        assertThat(images.get(0)).containsEntry("storage_type", "LOCAL")
            .containsEntry("is_primary", true)
            .containsEntry("position", 0)
            .containsEntry("alt_text", "The desk")
            .containsEntry("width", 64)
            .containsEntry("image_url", "/media/" + images.get(0).get("id"));
        assertThat(images.get(0).get("id")).isEqualTo(LegacyImporter.rowId(key + "0"));
        assertThat(images.get(1)).containsEntry("position", 9).containsEntry("is_primary", false);
        assertServed(api.anonymous(), "/media/" + images.get(0).get("id"), desk);
        assertServed(api.anonymous(), "/media/" + images.get(1).get("id"), lamp);
        ApiClient.Response read = api.get("/api/products/" + productId.toHexString());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("images").size()).isEqualTo(2);

        String resource = this.jdbc
            .sql("SELECT id FROM course_resources WHERE mongo_course_id = ? AND lesson_id = ?"
                    + " AND storage_type = 'LOCAL' AND resource_type = 'PDF' AND page_count = 2")
            .param(courseId.toHexString())
            .param(lessonId.toHexString())
            .query(String.class)
            .single();
        assertServed(api, "/media/" + resource, notes);
        ApiClient.Response legacyCourse = api.get("/api/courses/" + courseId.toHexString());
        assertThat(legacyCourse.status()).as(legacyCourse.toString()).isEqualTo(200);
        assertThat(legacyCourse.json().path("sections").path(0).path("lessons").path(0).path("id").asString())
            .as("a Mongoose lesson's _id is its id")
            .isEqualTo(lessonId.toHexString());
        assertThat(this.owners.stream()
            .filter((directory) -> directory.types().contains(OwnerKind.LESSON))
            .allMatch((directory) -> directory.exists(OwnerKind.LESSON, lessonId)))
            .as("the reconciler's orphan check finds the lesson, so it keeps the imported rows")
            .isTrue();
        assertThat(count(
                "SELECT count(*) FROM course_videos WHERE mongo_course_id = ? AND video_type = 'YOUTUBE'"
                        + " AND storage_type = 'EXTERNAL' AND video_url = 'https://youtu.be/legacy'",
                courseId.toHexString()))
            .as("a platform link is recorded, never fetched")
            .isEqualTo(1);
        assertThat(leftovers()).as("no temporary file left behind").isEmpty();
        assertThat(raw("products", productId)).isEqualTo(productBefore);
        assertThat(raw("courses", courseId)).isEqualTo(courseBefore);

        Files.copy(desk, missing);
        Run retry = run("import", "--mapping=" + mapping, "--copy-bytes", "--no-progress");

        assertThat(retry.exitCode()).as(retry.output()).isEqualTo(3);
        assertThat(retry.output()).containsPattern("skipped, already imported\\s+4\\b")
            .doesNotContain(key + "1  missing-file")
            .contains(key + "6  host-not-allowed");
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ? AND storage_type = 'LOCAL'",
                productId.toHexString()))
            .as("the file that has appeared is imported by the next run")
            .isEqualTo(3);
        assertThat(raw("products", productId)).isEqualTo(productBefore);
    }

    @Test
    void aFileUrlNeedsCopyBytes() throws IOException {
        Path picture = TestFiles.image(this.directory, "p.png", "png", 8, 8, false);
        ObjectId productId = new ObjectId();
        this.mongo.getCollection("products")
            .insertOne(new Document("_id", productId).append("name", unique("p"))
                .append("sku", unique("p"))
                .append("images", List.of(picture.toUri().toString())));

        Run run = run("import", "--no-progress");

        assertThat(run.output()).contains("products/" + productId.toHexString() + "/images/0  file-needs-copy-bytes");
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?", productId.toHexString()))
            .isZero();
    }

    @Test
    void aMappingWithUnknownKeysIsRefusedBeforeAnythingIsRead() throws IOException {
        Path mapping = Files.writeString(this.directory.resolve("typo.yaml"), """
                products:
                  imageUrl: src
                courses:
                  lesson: lessons
                """);

        Run run = run("import", "--mapping=" + mapping);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("Mapping refused")
            .contains("products.imageUrl")
            .contains("courses.lesson")
            .doesNotContain("Exception");
    }

    private void assertImagesAsTheDocumentHasThem(Catalog catalog) {
        Document product = catalog.before()
            .stream()
            .filter((document) -> document.getList("images", Document.class, List.of()).size() > 1)
            .findFirst()
            .orElseThrow();
        List<Document> images = product.getList("images", Document.class);
        List<Map<String, Object>> rows = this.jdbc
            .sql("SELECT image_url, alt_text, position, is_primary, storage_type FROM product_images"
                    + " WHERE mongo_product_id = ? ORDER BY position")
            .param(product.getObjectId("_id").toHexString())
            .query()
            .listOfRows();
        assertThat(rows).hasSize(images.size());
        for (int i = 0; i < images.size(); i++) {
            assertThat(rows.get(i)).containsEntry("image_url", images.get(i).getString("url"))
                .containsEntry("alt_text", images.get(i).getString("alt"))
                .containsEntry("position", i)
                .containsEntry("is_primary", i == 0)
                .containsEntry("storage_type", "EXTERNAL");
        }
    }

    private void assertLessonsAsTheDocumentHasThem(Catalog catalog) {
        Document course = catalog.courses().find().first();
        Document lesson = course.getList("sections", Document.class).get(0).getList("lessons", Document.class).get(0);
        Map<String, Object> video = this.jdbc
            .sql("SELECT lesson_id, title, video_url, is_preview, duration FROM course_videos WHERE mongo_course_id = ?"
                    + " AND lesson_id = ?")
            .param(course.getObjectId("_id").toHexString())
            .param(lesson.getObjectId("_id").toHexString())
            .query()
            .singleRow();
        assertThat(video).containsEntry("title", lesson.getString("title"))
            .containsEntry("video_url", lesson.getString("videoUrl"))
            .containsEntry("is_preview", true);
        assertThat(((Number) video.get("duration")).intValue()).isEqualTo(lesson.getInteger("duration"));
    }

    private long imported(Catalog catalog) {
        return count("SELECT count(*) FROM legacy_imports WHERE import_key LIKE ?",
                catalog.products().getNamespace().getCollectionName() + "/%")
                + count("SELECT count(*) FROM legacy_imports WHERE import_key LIKE ?",
                        catalog.courses().getNamespace().getCollectionName() + "/%");
    }

    private static void assertServed(ApiClient client, String path, Path file) throws IOException {
        ApiClient.Response served = client.get(path);
        assertThat(served.status()).as(served.toString()).isEqualTo(200);
        assertThat(served.bytes()).isEqualTo(Files.readAllBytes(file));
        assertThat(served.header("ETag")).contains(sha256(Files.readAllBytes(file)));
    }

    private List<Path> leftovers() throws IOException {
        Path temp = this.storage.local().directory().resolve("tmp");
        if (!Files.isDirectory(temp)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(temp)) {
            return files.toList();
        }
    }

    private static Document image(String url, String alt) {
        return new Document("_id", new ObjectId()).append("url", url).append("alt", alt);
    }

    private Document raw(String collection, ObjectId id) {
        return this.mongo.getCollection(collection).find(new Document("_id", id)).first();
    }

    private Catalog generated(int products, int courses) throws IOException {
        String prefix = unique("legacy").replace('-', '_');
        MongoCollection<Document> productCollection = this.mongo.getCollection(prefix + "_products");
        MongoCollection<Document> courseCollection = this.mongo.getCollection(prefix + "_courses");
        LegacyCatalog.Counts counts = LegacyCatalog.generate(productCollection, courseCollection, products, courses,
                42);
        Path mapping = Files.writeString(this.directory.resolve(prefix + ".yaml"), """
                products:
                  collection: %s_products
                courses:
                  collection: %s_courses
                """.formatted(prefix, prefix));
        Catalog catalog = new Catalog(productCollection, courseCollection, counts, mapping, new ArrayList<>());
        catalog.before().addAll(catalog.current());
        return catalog;
    }

    private Run run(String... arguments) {
        String[] settings = { "--spring.mongodb.uri=" + this.mongoDetails.getConnectionString(),
                "--spring.datasource.url=" + this.jdbcDetails.getJdbcUrl(),
                "--spring.datasource.username=" + this.jdbcDetails.getUsername(),
                "--spring.datasource.password=" + this.jdbcDetails.getPassword(),
                "--dualdb.storage.local.directory=" + this.storage.local().directory(),
                "--dualdb.uploads.image.max-size=2MB", "--dualdb.uploads.resource.max-size=2MB",
                "--dualdb.security.key-directory=" + this.directory.resolve("keys"),
                "--dualdb.embedded.persistent=false", "--dualdb.collector.interval=1h" };
        String[] all = Stream.concat(Stream.of(arguments), Stream.of(settings)).toArray(String[]::new);
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream captured = new PrintStream(output, true, StandardCharsets.UTF_8);
        System.setOut(captured);
        System.setErr(captured);
        try {
            int exitCode = ImportCommand.run(DualdbApplication.class, all);
            return new Run(exitCode, output.toString(StandardCharsets.UTF_8));
        }
        finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * A generated catalog in collections of its own.
     *
     * @param products its products
     * @param courses its courses
     * @param counts the media it embeds
     * @param mapping a mapping file naming its collections
     * @param before the raw documents as generated
     */
    record Catalog(MongoCollection<Document> products, MongoCollection<Document> courses, LegacyCatalog.Counts counts,
            Path mapping, List<Document> before) {

        List<Document> current() {
            List<Document> documents = new ArrayList<>();
            this.products.find().sort(new Document("_id", 1)).into(documents);
            this.courses.find().sort(new Document("_id", 1)).into(documents);
            return documents;
        }

        String[] productIds() {
            return this.products.find()
                .map((document) -> document.getObjectId("_id").toHexString())
                .into(new ArrayList<>())
                .toArray(String[]::new);
        }

        String[] courseIds() {
            return this.courses.find()
                .map((document) -> document.getObjectId("_id").toHexString())
                .into(new ArrayList<>())
                .toArray(String[]::new);
        }

    }

    /**
     * What a run of the command did.
     *
     * @param exitCode its exit code
     * @param output what it printed (standard output and error)
     */
    record Run(int exitCode, String output) {
    }

}
