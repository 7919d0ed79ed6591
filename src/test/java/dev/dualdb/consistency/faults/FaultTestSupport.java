package dev.dualdb.consistency.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.dualdb.blob.BlobStore;
import dev.dualdb.media.internal.BlobCollector;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.Multipart;
import dev.dualdb.system.Step;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the fault tests: the whole service on the embedded stores, with a
 * {@link FaultInjector} and the blob grace period at zero (so one reconciler run collects
 * every piece of garbage at once); helpers that create owners and upload real files
 * through the routes, remembering what was acknowledged; and {@link #assertConsistent()}.
 */
@TestPropertySource(properties = { "dualdb.test.context=faults", "dualdb.reconciler.blob-grace=0s" })
@Import(FaultInjector.class)
abstract class FaultTestSupport extends ApiTest {

    @Autowired
    protected FaultInjector faults;

    @Autowired
    protected BlobStore store;

    @Autowired
    protected BlobCollector collector;

    private Invariants invariants;

    /**
     * Uploads answered 2xx in this test (URL of the bytes → their SHA-256), less those
     * the test deleted itself.
     */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    /**
     * Products created in this test, and courses with every lesson they had when created.
     */
    private final Set<String> products = ConcurrentHashMap.newKeySet();

    private final Map<String, List<String>> courses = new ConcurrentHashMap<>();

    @BeforeEach
    void startClean() {
        this.invariants = new Invariants(api, jdbc, mongo, this.store);
        this.faults.disarm();
    }

    @AfterEach
    void disarmFaults() {
        this.faults.disarm();
    }

    // --- owners
    // -----------------------------------------------------------------------------------------------------

    protected Place place() {
        Response created = api.post("/api/courses",
                Map.of("title", unique("Course"), "sections",
                        List.of(Map.of("title", "S1", "lessons", List.of(Map.of("title", "L1"), Map.of("title", "L2"))),
                                Map.of("title", "S2", "lessons", List.of(Map.of("title", "L3"))))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode course = created.json();
        List<String> lessons = new ArrayList<>();
        course.path("sections")
            .forEach((section) -> section.path("lessons")
                .forEach((lesson) -> lessons.add(lesson.path("id").asString())));
        this.courses.put(course.path("id").asString(), lessons);
        JsonNode s2 = course.path("sections").get(1);
        return new Place(product(), course.path("id").asString(), lessons.get(0), lessons.get(1),
                s2.path("id").asString(), lessons.get(2));
    }

    protected String product() {
        Response created = api.post("/api/products", Map.of("name", "Lamp", "price", 20, "sku", unique("LAMP")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return trackProduct(created.json().path("id").asString());
    }

    protected String trackProduct(String id) {
        this.products.add(id);
        return id;
    }

    protected long productsWithSku(String sku) {
        return mongo.getCollection("products").countDocuments(new Document("sku", sku));
    }

    // --- uploads
    // ----------------------------------------------------------------------------------------------------

    /**
     * Uploads {@code file} through {@code route}: an image of the product, a video of the
     * lesson, a resource of the lesson, or any media (an image) of the lesson. A 201 is
     * remembered as acknowledged.
     */
    protected Response upload(UploadRoute route, Place place, Sample file, String... headers) {
        Response response = switch (route) {
            case PRODUCT_IMAGES -> api.multipart("/api/products/" + place.product() + "/images",
                    new Multipart().file("files", file.fileName(), file.contentType(), file.bytes()), headers);
            case COURSE_VIDEO -> api.multipart("/api/courses/" + place.course() + "/videos",
                    new Multipart().field("title", "Intro")
                        .field("lessonId", place.lesson())
                        .file("file", file.fileName(), file.contentType(), file.bytes()),
                    headers);
            case LESSON_RESOURCE ->
                api.multipart("/api/courses/" + place.course() + "/lessons/" + place.lesson() + "/resources",
                        new Multipart().file("file", file.fileName(), file.contentType(), file.bytes()), headers);
            case ANY_MEDIA -> api.multipart("/api/media",
                    new Multipart().field("referenceType", "LESSON")
                        .field("referenceId", place.lesson())
                        .field("mediaType", "IMAGE")
                        .file("file", file.fileName(), file.contentType(), file.bytes()),
                    headers);
        };
        if (response.status() == 201) {
            this.acknowledged.put(route.urlOf(response.json()), file.sha256());
        }
        return response;
    }

    /**
     * Like {@link #upload}, but the answer must be 201; returns where the bytes are
     * served.
     */
    protected String uploaded(UploadRoute route, Place place, Sample file) {
        Response response = upload(route, place, file);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return route.urlOf(response.json());
    }

    /**
     * An image recorded against any owner through {@code /api/media}; must be
     * acknowledged.
     */
    protected String uploadedMedia(String referenceType, String referenceId, Sample file) {
        Response response = api.multipart("/api/media",
                new Multipart().field("referenceType", referenceType)
                    .field("referenceId", referenceId)
                    .field("mediaType", "IMAGE")
                    .file("file", file.fileName(), file.contentType(), file.bytes()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        String url = response.json().path("mediaUrl").asString();
        this.acknowledged.put(url, file.sha256());
        return url;
    }

    /**
     * Creates a product with image files in one request ({@code multipart/form-data}).
     */
    protected Response createProductWithFiles(String sku, Sample... files) {
        Multipart form = new Multipart().field("product", "{\"name\":\"Desk\",\"price\":120,\"sku\":\"" + sku + "\"}");
        for (Sample file : files) {
            form.file("files", file.fileName(), file.contentType(), file.bytes());
        }
        Response response = api.multipart("/api/products", form);
        if (response.status() == 201) {
            trackProduct(response.json().path("id").asString());
            JsonNode images = response.json().path("images");
            for (int i = 0; i < files.length; i++) {
                this.acknowledged.put(images.get(i).path("imageUrl").asString(), files[i].sha256());
            }
        }
        return response;
    }

    /**
     * How many pieces of media a reader sees where {@code route} uploads to, through the
     * read routes.
     */
    protected int visibleMedia(UploadRoute route, Place place) {
        return switch (route) {
            case PRODUCT_IMAGES -> api.get("/api/products/" + place.product()).json().path("images").size();
            case COURSE_VIDEO -> lesson(place.course(), place.lesson()).path("videos").size();
            case LESSON_RESOURCE -> lesson(place.course(), place.lesson()).path("resources").size();
            case ANY_MEDIA -> this.invariants.listed("LESSON", place.lesson()).size();
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

    // --- deletes
    // ----------------------------------------------------------------------------------------------------

    /**
     * Deletes the media served at {@code url}, uploaded through {@code route}; it need no
     * longer be readable.
     */
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

    /**
     * The client deleted this media (or its owner) on purpose: it no longer has to be
     * readable.
     */
    protected void forget(String url) {
        this.acknowledged.remove(url);
    }

    /**
     * Uploads media of every kind the owner that {@code deletion} removes can hold, one
     * of them sharing its bytes with an acknowledged image of {@code other}; for a lesson
     * or a section, lesson L2 gets a resource that must stay.
     */
    protected DoomedMedia mediaOfOwnerToDelete(OwnerDeletion deletion, Place place, Place other) {
        List<String> urls = new ArrayList<>();
        List<String> own = new ArrayList<>();
        Sample shared = Sample.image();
        if (deletion == OwnerDeletion.PRODUCT) {
            urls.add(uploaded(UploadRoute.PRODUCT_IMAGES, place, shared));
            Sample image = Sample.image();
            urls.add(uploaded(UploadRoute.PRODUCT_IMAGES, place, image));
            own.add(image.sha256());
            Sample manual = Sample.image();
            urls.add(uploadedMedia("PRODUCT", place.product(), manual));
            own.add(manual.sha256());
        }
        else {
            Place lesson = (deletion == OwnerDeletion.SECTION) ? place.at(place.section2Lesson()) : place;
            urls.add(uploaded(UploadRoute.ANY_MEDIA, lesson, shared));
            for (UploadRoute route : List.of(UploadRoute.COURSE_VIDEO, UploadRoute.LESSON_RESOURCE,
                    UploadRoute.ANY_MEDIA)) {
                Sample file = route.sample();
                urls.add(uploaded(route, lesson, file));
                own.add(file.sha256());
            }
            if (deletion == OwnerDeletion.COURSE) {
                Sample poster = Sample.image();
                urls.add(uploadedMedia("COURSE", place.course(), poster));
                own.add(poster.sha256());
            }
            else {
                uploaded(UploadRoute.LESSON_RESOURCE, place.at(place.otherLesson()), Sample.text());
            }
        }
        uploaded(UploadRoute.PRODUCT_IMAGES, other, shared);
        return new DoomedMedia(urls, own, shared.sha256());
    }

    /** Whether a reader still finds the owner that {@code deletion} removes. */
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

    // --- faults, the reconciler and the invariants
    // ------------------------------------------------------------------

    /**
     * The fault armed at {@code boundary} went off, and the client was told that the
     * request failed.
     */
    protected void assertFailedAt(Step boundary, Response response) {
        assertThat(this.faults.fired()).as("the fault at " + boundary + " went off").isEqualTo(boundary);
        assertProblem(response, 500, "internal-error");
    }

    /** Runs the reconciler (every check, then the collector) through its admin route. */
    protected JsonNode reconcile() {
        Response run = api.post("/api/admin/reconciliation");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        return run.json();
    }

    /**
     * Runs the reconciler, then asserts what must hold after any fault: (a) every piece
     * of media a reader can find from the owners of this test is served whole (ETag =
     * SHA-256 of the body); (b) no metadata row outlives its owner; (c) the blob index,
     * the references and the stored bytes agree, nothing queued or staged is left; (d)
     * every upload acknowledged in this test and not deleted by it is still served with
     * the right hash.
     */
    protected void assertConsistent() {
        reconcile();
        this.invariants.readersSeeOnlyWholeMedia(this.products, this.courses);
        this.invariants.noRowOutlivesItsOwner();
        this.invariants.indexMatchesStore();
        this.acknowledged.forEach(this.invariants::served);
    }

    /** (c) alone, without running the reconciler first. */
    protected void assertIndexMatchesStore() {
        this.invariants.indexMatchesStore();
    }

    protected void assertServed(String url, String expectedSha256) {
        this.invariants.served(url, expectedSha256);
    }

    protected Set<String> storedHashes() {
        return this.invariants.storedHashes();
    }

    protected Path stagingDirectory() {
        return this.invariants.stagingDirectory();
    }

    /** Responses by name, in order, for a table of expectations. */
    protected static Map<String, Response> named(Object... nameThenResponse) {
        Map<String, Response> named = new LinkedHashMap<>();
        for (int i = 0; i < nameThenResponse.length; i += 2) {
            named.put((String) nameThenResponse[i], (Response) nameThenResponse[i + 1]);
        }
        return named;
    }

    /**
     * The media of an owner about to be deleted: where it is served, and the hashes of
     * the bytes only it holds. One more piece shares its bytes ({@code sharedSha256})
     * with an image of an owner that stays.
     */
    protected record DoomedMedia(List<String> urls, List<String> ownSha256s, String sharedSha256) {
    }

}
