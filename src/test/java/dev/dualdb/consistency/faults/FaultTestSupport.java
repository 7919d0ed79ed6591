package dev.dualdb.consistency.faults;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import dev.dualdb.blob.BlobStore;
import dev.dualdb.blob.internal.LocalBlobStore;
import dev.dualdb.media.BlobCollector;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.Multipart;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the fault tests: the whole service on the embedded stores, with a {@link FaultInjector} and the blob grace
 * period at zero (so one reconciler run collects every piece of garbage); helpers that upload real files through the
 * routes and remember which uploads were acknowledged; and {@link #assertConsistent()}, the invariants that must hold
 * after any fault once the reconciler has run.
 */
@TestPropertySource(properties = {"dualdb.test.context=faults", "dualdb.reconciler.blob-grace=0s"})
@Import(FaultInjector.class)
abstract class FaultTestSupport extends ApiTest {

    @Autowired
    protected FaultInjector faults;

    @Autowired
    protected BlobStore store;

    @Autowired
    protected BlobCollector collector;

    /** Uploads answered 2xx in this test (URL of the bytes → their SHA-256), less those the test deleted itself. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    /** Products created in this test, and courses with every lesson they had when created. */
    private final Set<String> products = ConcurrentHashMap.newKeySet();
    private final Map<String, List<String>> courses = new ConcurrentHashMap<>();

    @BeforeEach
    @AfterEach
    void disarmFaults() {
        faults.disarm();
    }

    // --- files ------------------------------------------------------------------------------------------------------

    /** A file to upload. */
    protected record Sample(String fileName, String contentType, byte[] bytes) {

        String sha256() {
            return FaultTestSupport.sha256(bytes);
        }
    }

    /** A 200×100 PNG of its own (random colours), so one thumbnail (160 wide) is made of it. */
    protected static Sample image() {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(1 << 24)), 200, 100,
                new Color(random.nextInt(1 << 24))));
        g.fillRect(0, 0, 200, 100);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Sample("picture.png", "image/png", png.toByteArray());
    }

    /** The tiny MP4 fixture made unique by a trailing {@code free} box of random bytes (players skip it). */
    protected static Sample video() {
        try (InputStream in = FaultTestSupport.class.getResourceAsStream("/fixtures/tiny.mp4")) {
            byte[] fixture = in.readAllBytes();
            byte[] filler = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
            ByteBuffer mp4 = ByteBuffer.allocate(fixture.length + 8 + filler.length);
            mp4.put(fixture).putInt(8 + filler.length).put("free".getBytes(StandardCharsets.US_ASCII)).put(filler);
            return new Sample("clip.mp4", "video/mp4", mp4.array());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text document of its own. */
    protected static Sample text() {
        return new Sample("notes.txt", "text/plain",
                ("Lecture notes " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- owners -----------------------------------------------------------------------------------------------------

    /** Owners of media: a product, and a course with sections S1 (lessons L1, L2) and S2 (lesson L3). */
    protected record Place(String product, String course, String lesson, String otherLesson, String section2,
            String section2Lesson) {

        /** The same owners, with course uploads going to {@code lesson} instead of L1. */
        Place at(String lesson) {
            return new Place(product, course, lesson, otherLesson, section2, section2Lesson);
        }
    }

    protected Place place() {
        JsonNode course = course();
        JsonNode s1 = course.path("sections").get(0);
        JsonNode s2 = course.path("sections").get(1);
        return new Place(product(), course.path("id").asString(), s1.path("lessons").get(0).path("id").asString(),
                s1.path("lessons").get(1).path("id").asString(), s2.path("id").asString(),
                s2.path("lessons").get(0).path("id").asString());
    }

    protected String product() {
        Response created = api.post("/api/products", Map.of("name", "Lamp", "price", 20, "sku", unique("LAMP")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return trackProduct(created.json().path("id").asString());
    }

    private JsonNode course() {
        Response created = api.post("/api/courses", Map.of("title", unique("Course"), "sections", List.of(
                Map.of("title", "S1", "lessons", List.of(Map.of("title", "L1"), Map.of("title", "L2"))),
                Map.of("title", "S2", "lessons", List.of(Map.of("title", "L3"))))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        List<String> lessons = new ArrayList<>();
        created.json().path("sections").forEach(section -> section.path("lessons")
                .forEach(lesson -> lessons.add(lesson.path("id").asString())));
        courses.put(created.json().path("id").asString(), lessons);
        return created.json();
    }

    protected String trackProduct(String id) {
        products.add(id);
        return id;
    }

    // --- uploads and deletes ----------------------------------------------------------------------------------------

    /** The four routes that upload a file for an existing owner. */
    protected enum UploadRoute {
        PRODUCT_IMAGES, COURSE_VIDEO, LESSON_RESOURCE, ANY_MEDIA;

        /** A file of the kind this route takes, with bytes of its own. */
        Sample sample() {
            return switch (this) {
                case PRODUCT_IMAGES, ANY_MEDIA -> image();
                case COURSE_VIDEO -> video();
                case LESSON_RESOURCE -> text();
            };
        }

        /** Where the bytes of the media in an upload's 201 body are served. */
        String urlOf(JsonNode created) {
            return switch (this) {
                case PRODUCT_IMAGES -> created.get(0).path("imageUrl").asString();
                case COURSE_VIDEO -> created.path("videoUrl").asString();
                case LESSON_RESOURCE -> created.path("resourceUrl").asString();
                case ANY_MEDIA -> created.path("mediaUrl").asString();
            };
        }
    }

    /**
     * Uploads {@code file} through {@code route}: an image of the product, a video of lesson L1, a resource of
     * lesson L1, or any media (an image) of lesson L1. A 201 is remembered as acknowledged.
     */
    protected Response upload(UploadRoute route, Place place, Sample file) {
        Response response = switch (route) {
            case PRODUCT_IMAGES -> api.multipart("/api/products/" + place.product() + "/images",
                    new Multipart().file("files", file.fileName(), file.contentType(), file.bytes()));
            case COURSE_VIDEO -> api.multipart("/api/courses/" + place.course() + "/videos", new Multipart()
                    .field("title", "Intro").field("lessonId", place.lesson())
                    .file("file", file.fileName(), file.contentType(), file.bytes()));
            case LESSON_RESOURCE -> api.multipart("/api/courses/" + place.course() + "/lessons/" + place.lesson()
                    + "/resources", new Multipart().file("file", file.fileName(), file.contentType(), file.bytes()));
            case ANY_MEDIA -> api.multipart("/api/media", new Multipart()
                    .field("referenceType", "LESSON").field("referenceId", place.lesson())
                    .field("mediaType", "IMAGE")
                    .file("file", file.fileName(), file.contentType(), file.bytes()));
        };
        if (response.status() == 201) {
            acknowledged.put(route.urlOf(response.json()), file.sha256());
        }
        return response;
    }

    /** Like {@link #upload} but the answer must be 201; returns where the bytes are served. */
    protected String uploaded(UploadRoute route, Place place, Sample file) {
        Response response = upload(route, place, file);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return route.urlOf(response.json());
    }

    /** Any media of any owner, uploaded through {@code /api/media}; must be acknowledged. */
    protected String uploadedMedia(String referenceType, String referenceId, Sample file) {
        Response response = api.multipart("/api/media", new Multipart()
                .field("referenceType", referenceType).field("referenceId", referenceId).field("mediaType", "IMAGE")
                .file("file", file.fileName(), file.contentType(), file.bytes()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String url = response.json().path("mediaUrl").asString();
        acknowledged.put(url, file.sha256());
        return url;
    }

    /** Creates a product with image files in one request ({@code multipart/form-data}). */
    protected Response createProductWithFiles(String sku, Sample... files) {
        Multipart form = new Multipart().field("product",
                "{\"name\":\"Desk\",\"price\":120,\"sku\":\"" + sku + "\"}");
        for (Sample file : files) {
            form.file("files", file.fileName(), file.contentType(), file.bytes());
        }
        Response response = api.multipart("/api/products", form);
        if (response.status() == 201) {
            trackProduct(response.json().path("id").asString());
            JsonNode images = response.json().path("images");
            for (int i = 0; i < files.length; i++) {
                acknowledged.put(images.get(i).path("imageUrl").asString(), files[i].sha256());
            }
        }
        return response;
    }

    /** Deletes the media served at {@code url}, uploaded through {@code route}; forgets it as acknowledged. */
    protected Response deleteMedia(UploadRoute route, Place place, String url) {
        forget(url);
        String id = url.substring("/media/".length());
        return switch (route) {
            case PRODUCT_IMAGES -> api.delete("/api/products/" + place.product() + "/images/" + id);
            case COURSE_VIDEO -> api.delete("/api/courses/" + place.course() + "/videos/" + id);
            case LESSON_RESOURCE -> api.delete("/api/courses/" + place.course() + "/resources/" + id);
            case ANY_MEDIA -> api.delete("/api/media/" + id);
        };
    }

    /** The client deleted this media (or its owner) on purpose: it no longer has to be readable. */
    protected void forget(String url) {
        acknowledged.remove(url);
    }

    /** Deleting an owner of media: the MongoDB step, then its media rows, with this boundary in between. */
    protected enum OwnerDeletion {
        PRODUCT("product.delete.document-deleted"),
        COURSE("course.delete.document-deleted"),
        LESSON("lesson.delete.document-updated"),
        SECTION("lesson.delete.document-updated");

        final String boundary;

        OwnerDeletion(String boundary) {
            this.boundary = boundary;
        }

        /** The route that deletes: the product, the course, lesson L1, or section S2 with its lesson L3. */
        String path(Place place) {
            return switch (this) {
                case PRODUCT -> "/api/products/" + place.product();
                case COURSE -> "/api/courses/" + place.course();
                case LESSON -> "/api/courses/" + place.course() + "/lessons/" + place.lesson();
                case SECTION -> "/api/courses/" + place.course() + "/sections/" + place.section2();
            };
        }
    }

    /**
     * The media of an owner about to be deleted: where it is served, and the hashes of the bytes only it holds. One
     * more piece shares its bytes ({@code sharedSha256}) with media of an owner that stays.
     */
    protected record DoomedMedia(List<String> urls, List<String> ownSha256s, String sharedSha256) {
    }

    /**
     * Uploads media of every kind the owner {@code deletion} removes can hold, one of them sharing its bytes with an
     * acknowledged image of {@code other}; for a lesson or section, the sibling lesson L2 gets a resource too. All of
     * it acknowledged; what is doomed is forgotten again by {@link #forgetAll}.
     */
    protected DoomedMedia mediaOfOwnerToDelete(OwnerDeletion deletion, Place place, Place other) {
        List<String> urls = new ArrayList<>();
        List<String> own = new ArrayList<>();
        Sample shared = image();
        if (deletion == OwnerDeletion.PRODUCT) {
            urls.add(uploaded(UploadRoute.PRODUCT_IMAGES, place, shared));
            Sample image = image();
            urls.add(uploaded(UploadRoute.PRODUCT_IMAGES, place, image));
            own.add(image.sha256());
            Sample manual = image();
            urls.add(uploadedMedia("PRODUCT", place.product(), manual));
            own.add(manual.sha256());
        }
        else {
            Place lesson = deletion == OwnerDeletion.SECTION ? place.at(place.section2Lesson()) : place;
            urls.add(uploaded(UploadRoute.ANY_MEDIA, lesson, shared));
            for (UploadRoute route : List.of(UploadRoute.COURSE_VIDEO, UploadRoute.LESSON_RESOURCE,
                    UploadRoute.ANY_MEDIA)) {
                Sample file = route.sample();
                urls.add(uploaded(route, lesson, file));
                own.add(file.sha256());
            }
            if (deletion == OwnerDeletion.COURSE) {
                Sample poster = image();
                urls.add(uploadedMedia("COURSE", place.course(), poster));
                own.add(poster.sha256());
            }
            else {
                uploaded(UploadRoute.LESSON_RESOURCE, place.at(place.otherLesson()), text());
            }
        }
        uploaded(UploadRoute.PRODUCT_IMAGES, other, shared);
        return new DoomedMedia(urls, own, shared.sha256());
    }

    /** Whether a reader still finds the owner {@code deletion} removes. */
    protected boolean ownerVisible(OwnerDeletion deletion, Place place) {
        return switch (deletion) {
            case PRODUCT -> api.get("/api/products/" + place.product()).status() != 404;
            case COURSE -> api.get("/api/courses/" + place.course()).status() != 404;
            case LESSON -> api.get("/api/courses/" + place.course()).body().contains(place.lesson());
            case SECTION -> api.get("/api/courses/" + place.course()).body().contains(place.section2());
        };
    }

    protected void forgetAll(List<String> urls) {
        urls.forEach(this::forget);
    }

    /** How many pieces of media a reader sees where {@code route} uploads to, through the read routes. */
    protected int visibleMedia(UploadRoute route, Place place) {
        return switch (route) {
            case PRODUCT_IMAGES -> api.get("/api/products/" + place.product()).json().path("images").size();
            case COURSE_VIDEO -> lesson(place.course(), place.lesson()).path("videos").size();
            case LESSON_RESOURCE -> lesson(place.course(), place.lesson()).path("resources").size();
            case ANY_MEDIA -> listed("LESSON", place.lesson()).size();
        };
    }

    private JsonNode lesson(String course, String lesson) {
        for (JsonNode section : api.get("/api/courses/" + course).json().path("sections")) {
            for (JsonNode candidate : section.path("lessons")) {
                if (candidate.path("id").asString().equals(lesson)) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("No lesson " + lesson + " in course " + course);
    }

    private JsonNode listed(String referenceType, String referenceId) {
        Response list = api.get("/api/media?referenceType=" + referenceType + "&referenceId=" + referenceId);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json();
    }

    /** The fault armed at {@code boundary} went off, and the client was told that the request failed. */
    protected void assertFailedAt(String boundary, Response response) {
        assertThat(faults.fired()).as("the fault at " + boundary + " went off").isEqualTo(boundary);
        assertProblem(response, 500, "internal-error");
    }

    protected long productsWithSku(String sku) {
        return mongo.getCollection("products").countDocuments(new Document("sku", sku));
    }

    // --- the reconciler and the invariants --------------------------------------------------------------------------

    /** Runs the reconciler (every check, then the collector) through its admin route. */
    protected JsonNode reconcile() {
        Response run = api.post("/api/admin/reconciliation", Map.of());
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        return run.json();
    }

    /**
     * Runs the reconciler, then asserts what must hold after any fault: (a) every piece of media a reader can see is
     * served whole (ETag = SHA-256 of the body); (b) no metadata row outlives its owner; (c) the blob index, the
     * references and the stored bytes agree, with nothing left queued or staged; (d) every acknowledged upload is
     * still served with the right hash.
     */
    protected void assertConsistent() {
        reconcile();
        assertReadersSeeOnlyWholeMedia();
        assertNoRowOutlivesItsOwner();
        assertIndexMatchesStore();
        acknowledged.forEach((url, sha256) -> assertServed(url, sha256));
    }

    /** (a) Through the read routes, starting from every owner this test made. */
    private void assertReadersSeeOnlyWholeMedia() {
        for (String product : products) {
            Response read = api.get("/api/products/" + product);
            if (read.status() == 404) {
                assertThat(listed("PRODUCT", product)).as("media of deleted product " + product).isEmpty();
                continue;
            }
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().path("mediaAvailable").asBoolean()).isTrue();
            read.json().path("images").forEach(image -> assertServedIfStored(image, "imageUrl"));
            listed("PRODUCT", product).forEach(media -> assertServedIfStored(media, "mediaUrl"));
        }
        courses.forEach((course, lessons) -> {
            Response read = api.get("/api/courses/" + course);
            Set<String> present = new HashSet<>();
            if (read.status() == 404) {
                assertThat(listed("COURSE", course)).as("media of deleted course " + course).isEmpty();
            }
            else {
                assertThat(read.status()).as(read.toString()).isEqualTo(200);
                assertThat(read.json().path("mediaAvailable").asBoolean()).isTrue();
                read.json().path("videos").forEach(video -> assertServedIfStored(video, "videoUrl"));
                read.json().path("sections").forEach(section -> section.path("lessons").forEach(lesson -> {
                    present.add(lesson.path("id").asString());
                    lesson.path("videos").forEach(video -> assertServedIfStored(video, "videoUrl"));
                    lesson.path("resources").forEach(resource -> assertServedIfStored(resource, "resourceUrl"));
                }));
                listed("COURSE", course).forEach(media -> assertServedIfStored(media, "mediaUrl"));
            }
            for (String lesson : lessons) {
                JsonNode media = listed("LESSON", lesson);
                if (present.contains(lesson)) {
                    media.forEach(item -> assertServedIfStored(item, "mediaUrl"));
                }
                else {
                    assertThat(media).as("media of deleted lesson " + lesson).isEmpty();
                }
            }
        });
    }

    private void assertServedIfStored(JsonNode media, String urlField) {
        if (!"EXTERNAL".equals(media.path("storageType").asString())) {
            assertServed(media.path(urlField).asString(), null);
            media.path("renditions").forEach(thumbnail -> assertServed(thumbnail.path("url").asString(), null));
        }
    }

    /** The bytes at {@code url} are served, with the SHA-256 of the body as ETag (and as expected, if given). */
    protected void assertServed(String url, String expectedSha256) {
        Response bytes = api.fetch("GET", url);
        assertThat(bytes.status()).as("GET " + url).isEqualTo(200);
        String actual = sha256(bytes.bytes());
        assertThat(bytes.header("ETag")).as("ETag of " + url).isEqualTo("\"" + actual + "\"");
        if (expectedSha256 != null) {
            assertThat(actual).as("hash of the bytes at " + url).isEqualTo(expectedSha256);
        }
    }

    /** (b) Every metadata row's owner (product, course, lesson of that course, user) is still in MongoDB. */
    private void assertNoRowOutlivesItsOwner() {
        Set<String> productIds = ids("products");
        Set<String> userIds = ids("users");
        Map<String, Set<String>> lessonsByCourse = new HashMap<>();
        for (Document course : mongo.getCollection("courses").find()) {
            Set<String> lessons = new HashSet<>();
            for (Document section : course.getList("sections", Document.class, List.of())) {
                for (Document lesson : section.getList("lessons", Document.class, List.of())) {
                    lessons.add(hex(lesson.get("id")));
                }
            }
            lessonsByCourse.put(course.getObjectId("_id").toHexString(), lessons);
        }
        Set<String> allLessons = new HashSet<>();
        lessonsByCourse.values().forEach(allLessons::addAll);

        List<String> orphans = new ArrayList<>();
        rows("SELECT id, mongo_product_id, NULL FROM product_images").forEach(row -> {
            if (!productIds.contains(row[1])) {
                orphans.add("product image " + row[0] + " of product " + row[1]);
            }
        });
        for (String table : List.of("course_videos", "course_resources")) {
            rows("SELECT id, mongo_course_id, lesson_id FROM " + table).forEach(row -> {
                Set<String> lessons = lessonsByCourse.get(row[1]);
                if (lessons == null || (row[2] != null && !lessons.contains(row[2]))) {
                    orphans.add(table + " " + row[0] + " of course " + row[1] + " / lesson " + row[2]);
                }
            });
        }
        rows("SELECT id, reference_type, reference_id FROM media_storage").forEach(row -> {
            boolean ownerExists = switch (row[1]) {
                case "PRODUCT" -> productIds.contains(row[2]);
                case "COURSE" -> lessonsByCourse.containsKey(row[2]);
                case "LESSON" -> allLessons.contains(row[2]);
                case "USER" -> userIds.contains(row[2]);
                default -> false;
            };
            if (!ownerExists) {
                orphans.add("media " + row[0] + " of " + row[1] + " " + row[2]);
            }
        });
        assertThat(orphans).as("metadata rows whose owner is gone").isEmpty();
    }

    /** (c) Index rows = stored bytes, every index row referred to, no deletion pending, no temporary file left. */
    protected void assertIndexMatchesStore() {
        Set<String> indexed = new HashSet<>(jdbc.sql("SELECT sha256 FROM blobs").query(String.class).list());
        Set<String> stored = storedHashes();
        assertThat(difference(stored, indexed)).as("bytes in the store without an index row").isEmpty();
        assertThat(difference(indexed, stored)).as("index rows whose bytes are missing").isEmpty();
        assertThat(jdbc.sql("""
                        SELECT b.sha256 FROM blobs b
                        WHERE NOT EXISTS (SELECT 1 FROM product_images r WHERE r.blob_sha256 = b.sha256)
                          AND NOT EXISTS (SELECT 1 FROM course_videos r WHERE r.blob_sha256 = b.sha256)
                          AND NOT EXISTS (SELECT 1 FROM course_resources r WHERE r.blob_sha256 = b.sha256)
                          AND NOT EXISTS (SELECT 1 FROM media_storage r WHERE r.blob_sha256 = b.sha256)
                          AND NOT EXISTS (SELECT 1 FROM renditions r WHERE r.blob_sha256 = b.sha256)""")
                .query(String.class).list()).as("index rows that nothing refers to").isEmpty();
        assertThat(jdbc.sql("SELECT sha256 FROM blob_deletions").query(String.class).list())
                .as("deletions still queued").isEmpty();
        assertThat(stagedFiles()).as("temporary upload files").isEmpty();
    }

    protected Set<String> storedHashes() {
        Set<String> hashes = ConcurrentHashMap.newKeySet();
        store.forEachBlob(blob -> hashes.add(blob.sha256()));
        return hashes;
    }

    /** Where the local store stages uploads. */
    protected Path stagingDirectory() {
        return ((LocalBlobStore) store).root().resolve("tmp");
    }

    private List<Path> stagedFiles() {
        if (!Files.isDirectory(stagingDirectory())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(stagingDirectory())) {
            return files.toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> ids(String collection) {
        Set<String> ids = new HashSet<>();
        mongo.getCollection(collection).find().projection(new Document("_id", 1))
                .forEach(document -> ids.add(hex(document.get("_id"))));
        return ids;
    }

    private List<String[]> rows(String sql) {
        return jdbc.sql(sql).query((rs, n) -> new String[] {rs.getString(1), trim(rs.getString(2)),
                trim(rs.getString(3))}).list();
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String hex(Object id) {
        return id instanceof ObjectId objectId ? objectId.toHexString() : String.valueOf(id);
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> difference = new HashSet<>(a);
        difference.removeAll(b);
        return difference;
    }

    /** Named requests, for tables of expectations. */
    protected static Map<String, Response> named(Object... nameAndResponse) {
        Map<String, Response> named = new LinkedHashMap<>();
        for (int i = 0; i < nameAndResponse.length; i += 2) {
            named.put((String) nameAndResponse[i], (Response) nameAndResponse[i + 1]);
        }
        return named;
    }
}
