package dev.dualdb.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.dualdb.media.internal.MediaUrlSigner;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.Multipart;
import dev.dualdb.support.TestUsers.LoggedIn;
import dev.dualdb.user.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets media bytes and metadata: public media to anyone, private media (non-preview
 * videos, lesson resources, media of courses, lessons and users) only to those who may
 * see its owner's media, by bearer token or by a signed URL the API hands them; and views
 * counted once per user per window.
 */
class MediaAccessApiTests extends ApiTest {

    @Autowired
    private MediaUrlSigner signer;

    private LoggedIn instructor;

    private LoggedIn enrolled;

    private LoggedIn student;

    private LoggedIn otherInstructor;

    private String courseId;

    private String lessonId;

    private String privateVideo;

    private String previewVideo;

    private String resource;

    private byte[] videoBytes;

    @BeforeEach
    void createCourseWithMedia() {
        this.instructor = logIn(Role.INSTRUCTOR);
        this.enrolled = logIn(Role.STUDENT);
        this.student = logIn(Role.STUDENT);
        this.otherInstructor = logIn(Role.INSTRUCTOR);
        Response course = api.post("/api/courses",
                Map.of("title", unique("Private"), "instructorId", this.instructor.id(), "sections",
                        List.of(Map.of("title", "S", "lessons", List.of(Map.of("title", "L"))))));
        assertThat(course.status()).as(course.toString()).isEqualTo(201);
        this.courseId = course.json().path("id").asString();
        this.lessonId = course.json().path("sections").get(0).path("lessons").get(0).path("id").asString();
        this.videoBytes = video();
        this.privateVideo = uploadVideo(false, this.videoBytes);
        this.previewVideo = uploadVideo(true, video());
        Response uploaded = api.multipart("/api/courses/" + this.courseId + "/lessons/" + this.lessonId + "/resources",
                new Multipart().file("file", "notes.txt", "text/plain",
                        ("notes " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        this.resource = uploaded.json().path("id").asString();
        Response enrolment = api.post("/api/courses/" + this.courseId + "/enrollments",
                Map.of("userId", this.enrolled.id()));
        assertThat(enrolment.status()).as(enrolment.toString()).isEqualTo(201);
    }

    @Test
    void privateBytesGoOnlyToThoseWhoMayLearnAndAreNeverSharedCached() {
        for (ApiClient refused : List.of(api.anonymous(), this.student.client(), this.otherInstructor.client())) {
            for (String media : List.of(this.privateVideo, this.resource)) {
                assertProblem(refused.fetch("GET", "/media/" + media), 404, "media-not-found");
                assertThat(refused.fetch("HEAD", "/media/" + media).status()).isEqualTo(404);
            }
        }
        for (ApiClient allowed : List.of(this.enrolled.client(), this.instructor.client(), api)) {
            Response bytes = allowed.fetch("GET", "/media/" + this.privateVideo);
            assertThat(bytes.status()).as(bytes.toString()).isEqualTo(200);
            assertThat(bytes.bytes()).isEqualTo(this.videoBytes);
            assertThat(bytes.header("Cache-Control")).isEqualTo("private, no-cache");
            assertThat(allowed.fetch("GET", "/media/" + this.resource).status()).isEqualTo(200);
        }
        Response preview = api.anonymous().fetch("GET", "/media/" + this.previewVideo);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(api.anonymous()
            .fetch("GET", "/media/" + this.privateVideo, "Authorization", "Bearer not-a-token")
            .status()).as("a bad token is refused, not ignored").isEqualTo(401);
    }

    @Test
    void learnersGetSignedUrlsThatWorkWithoutHeadersWithRangesAndHead() {
        JsonNode course = this.enrolled.client().get("/api/courses/" + this.courseId).json();
        JsonNode lesson = course.path("sections").get(0).path("lessons").get(0);
        String signed = urlOf(lesson.path("videos"), this.privateVideo, "videoUrl");
        String resourceUrl = lesson.path("resources").get(0).path("resourceUrl").asString();
        assertThat(signed).startsWith("/media/" + this.privateVideo + "?expires=").contains("&kid=", "&sig=");
        assertThat(resourceUrl).startsWith("/media/" + this.resource + "?expires=");
        assertThat(urlOf(lesson.path("videos"), this.previewVideo, "videoUrl"))
            .isEqualTo("/media/" + this.previewVideo);
        JsonNode outsider = api.anonymous().get("/api/courses/" + this.courseId).json();
        assertThat(outsider.toString()).doesNotContain(this.privateVideo).doesNotContain(this.resource);

        Response whole = api.anonymous().fetch("GET", signed);
        assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
        assertThat(whole.bytes()).isEqualTo(this.videoBytes);
        assertThat(whole.header("Cache-Control")).startsWith("private, max-age=");
        Response range = api.anonymous().fetch("GET", signed, "Range", "bytes=4-11");
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.header("Content-Range")).isEqualTo("bytes 4-11/" + this.videoBytes.length);
        assertThat(range.bytes()).isEqualTo(Arrays.copyOfRange(this.videoBytes, 4, 12));
        Response head = api.anonymous().fetch("HEAD", signed);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(this.videoBytes.length));
        assertThat(head.bytes()).isEmpty();
        assertThat(api.anonymous().fetch("GET", resourceUrl).status()).isEqualTo(200);
    }

    @Test
    void tamperedExpiredOtherMediaAndUnknownKeySignaturesAreRefused() {
        String signed = this.signer.sign(UUID.fromString(this.privateVideo));
        String query = signed.substring(signed.indexOf('?'));
        Map<String, String> parts = query(query);
        String sig = parts.get("sig");
        String flipped = ((sig.charAt(0) == 'A') ? "B" : "A") + sig.substring(1);
        long expires = Long.parseLong(parts.get("expires"));

        assertRefused("/media/" + this.privateVideo + query.replace(sig, flipped), "media-url-invalid");
        assertRefused(
                "/media/" + this.privateVideo + query.replace("expires=" + expires, "expires=" + (expires + 86400)),
                "media-url-invalid");
        assertRefused("/media/" + this.resource + query, "media-url-invalid");
        assertRefused("/media/" + this.privateVideo + query.replace("kid=" + parts.get("kid"), "kid=retired"),
                "media-url-invalid");
        assertRefused("/media/" + this.privateVideo + "?expires=" + expires + "&kid=" + parts.get("kid"),
                "media-url-invalid");
        assertRefused(this.signer.sign(UUID.fromString(this.privateVideo), Instant.now().minusSeconds(1)),
                "media-url-expired");
        assertRefused("/media/" + UUID.randomUUID() + query, "media-url-invalid");
        // A refused signature does not fall back to the token: the URL is wrong whoever
        // asks.
        assertProblem(this.enrolled.client().fetch("GET", "/media/" + this.privateVideo + query.replace(sig, flipped)),
                403, "media-url-invalid");
    }

    @Test
    void mediaOfAUserIsSeenAndChangedByThatUserAndAdminsOnly() {
        Response recorded = this.student.client()
            .multipart("/api/media",
                    new Multipart().field("referenceType", "USER")
                        .field("referenceId", this.student.id())
                        .field("mediaType", "IMAGE")
                        .file("file", "me.png", "image/png", png()));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String id = recorded.json().path("id").asString();
        String url = recorded.json().path("mediaUrl").asString();
        assertThat(url).startsWith("/media/" + id + "?expires=");

        assertThat(this.student.client().get("/api/media/" + id).status()).isEqualTo(200);
        assertThat(api.get("/api/media?referenceType=USER&referenceId=" + this.student.id()).json()).hasSize(1);
        assertProblem(this.enrolled.client().get("/api/media/" + id), 404, "media-not-found");
        assertProblem(api.anonymous().get("/api/media/" + id), 404, "media-not-found");
        assertProblem(this.enrolled.client().get("/api/media?referenceType=USER&referenceId=" + this.student.id()), 404,
                "user-not-found");
        assertProblem(this.enrolled.client().delete("/api/media/" + id), 404, "media-not-found");
        assertProblem(this.enrolled.client().post("/api/media/" + id + "/accesses"), 404, "media-not-found");
        assertProblem(this.enrolled.client().fetch("GET", "/media/" + id), 404, "media-not-found");
        assertThat(api.anonymous().fetch("GET", url).status()).isEqualTo(200);
        assertProblem(api.anonymous().delete("/api/media/" + id), 401, "unauthenticated");
        assertThat(count("SELECT count(*) FROM media_storage WHERE id = ?::uuid", id)).isEqualTo(1);
        assertThat(count("SELECT access_count FROM media_storage WHERE id = ?::uuid", id)).isZero();
        assertThat(count("SELECT count(*) FROM media_views WHERE media_id = ?::uuid", id)).isZero();

        Response someoneElses = this.enrolled.client()
            .post("/api/media", Map.of("referenceType", "USER", "referenceId", this.student.id(), "mediaType",
                    "DOCUMENT", "mediaUrl", "https://cdn.example.com/" + UUID.randomUUID() + ".pdf"));
        assertProblem(someoneElses, 404, "user-not-found");
        assertThat(count("SELECT count(*) FROM media_storage WHERE reference_id = ?", this.student.id())).isEqualTo(1);

        assertThat(this.student.client().delete("/api/media/" + id).status()).isEqualTo(204);
        assertThat(count("SELECT count(*) FROM media_storage WHERE id = ?::uuid", id)).isZero();
    }

    @Test
    void mediaOfACourseFollowsTheCourseAndMediaOfAProductIsPublic() {
        String pdf = "https://cdn.example.com/" + UUID.randomUUID() + ".pdf";
        Map<String, String> onCourse = Map.of("referenceType", "COURSE", "referenceId", this.courseId, "mediaType",
                "DOCUMENT", "mediaUrl", pdf);
        assertProblem(this.enrolled.client().post("/api/media", onCourse), 403, "forbidden");
        assertProblem(this.student.client().post("/api/media", onCourse), 404, "course-not-found");
        assertProblem(this.otherInstructor.client().post("/api/media", onCourse), 404, "course-not-found");
        assertProblem(api.anonymous().post("/api/media", onCourse), 401, "unauthenticated");
        assertThat(count("SELECT count(*) FROM media_storage WHERE media_url = ?", pdf)).isZero();
        Response recorded = this.instructor.client().post("/api/media", onCourse);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String id = recorded.json().path("id").asString();
        assertThat(this.enrolled.client().get("/api/media/" + id).json().path("mediaUrl").asString()).isEqualTo(pdf);
        assertProblem(this.student.client().get("/api/media/" + id), 404, "media-not-found");
        assertProblem(this.enrolled.client().delete("/api/media/" + id), 403, "forbidden");
        assertThat(count("SELECT count(*) FROM media_storage WHERE id = ?::uuid", id)).isEqualTo(1);

        Response product = api.post("/api/products",
                Map.of("name", unique("Lamp"), "price", 10, "sku", unique("LAMP")));
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        String productId = product.json().path("id").asString();
        Response image = api.multipart("/api/media",
                new Multipart().field("referenceType", "PRODUCT")
                    .field("referenceId", productId)
                    .field("mediaType", "IMAGE")
                    .file("file", "lamp.png", "image/png", png()));
        assertThat(image.status()).as(image.toString()).isEqualTo(201);
        String imageId = image.json().path("id").asString();
        JsonNode shown = api.anonymous().get("/api/media/" + imageId).json();
        assertThat(shown.path("mediaUrl").asString()).isEqualTo("/media/" + imageId);
        Response bytes = api.anonymous().fetch("GET", "/media/" + imageId);
        assertThat(bytes.status()).isEqualTo(200);
        assertThat(bytes.header("Cache-Control")).startsWith("public");
        assertProblem(this.instructor.client().delete("/api/media/" + imageId), 403, "forbidden");
        assertThat(count("SELECT count(*) FROM media_storage WHERE id = ?::uuid", imageId)).isEqualTo(1);
    }

    @Test
    void aUserViewCountsOncePerWindowWhateverTheLoop() {
        String views = "/api/courses/" + this.courseId + "/videos/" + this.privateVideo + "/views";

        JsonNode first = this.enrolled.client().post(views).json();
        JsonNode again = null;
        long statements = this.queries.requestStatements();
        for (int i = 0; i < 5; i++) {
            again = this.enrolled.client().post(views).json();
        }
        // A repeat inside the window is refused by this instance's memory of the count,
        // without asking PostgreSQL (which would refuse it too).
        assertThat(this.queries.requestStatements() - statements)
            .as("statements of the repeated views: %s", this.queries.recent())
            .isZero();
        JsonNode other = this.instructor.client().post(views).json();

        assertThat(first.path("counted").asBoolean()).isTrue();
        assertThat(first.path("accessCount").asLong()).isEqualTo(1);
        assertThat(again.path("counted").asBoolean()).isFalse();
        assertThat(again.path("accessCount").asLong()).isEqualTo(1);
        assertThat(other.path("counted").asBoolean()).isTrue();
        assertThat(other.path("accessCount").asLong()).isEqualTo(2);
        assertProblem(this.student.client().post(views), 403, "forbidden");
        assertProblem(api.anonymous().post(views), 401, "unauthenticated");
        assertThat(count("SELECT count(*) FROM media_views WHERE media_id = ?::uuid", this.privateVideo))
            .as("one row per user who was counted")
            .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM media_views WHERE user_id = ?", this.student.id())).isZero();

        String wrongVideo = "/api/courses/" + this.courseId + "/videos/" + UUID.randomUUID() + "/views";
        assertProblem(this.enrolled.client().post(wrongVideo), 404, "media-not-found");
        assertThat(count("SELECT count(*) FROM media_views WHERE user_id = ?", this.enrolled.id()))
            .as("a refused view leaves no claim")
            .isEqualTo(1);
    }

    private void assertRefused(String url, String code) {
        assertProblem(api.anonymous().fetch("GET", url), 403, code);
    }

    private static String urlOf(JsonNode videos, String id, String field) {
        for (JsonNode video : videos) {
            if (video.path("id").asString().equals(id)) {
                return video.path(field).asString();
            }
        }
        throw new AssertionError("No video " + id + " in " + videos);
    }

    private static Map<String, String> query(String query) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String pair : query.substring(1).split("&")) {
            String[] kv = pair.split("=", 2);
            parts.put(kv[0], kv[1]);
        }
        return parts;
    }

    private String uploadVideo(boolean preview, byte[] bytes) {
        Response uploaded = api.multipart("/api/courses/" + this.courseId + "/videos",
                new Multipart().field("title", "Clip")
                    .field("lessonId", this.lessonId)
                    .field("isPreview", Boolean.toString(preview))
                    .file("file", "clip.mp4", "video/mp4", bytes));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.json().path("id").asString();
    }

    /** The tiny MP4 fixture made unique by a trailing {@code free} box. */
    private static byte[] video() {
        try (InputStream in = MediaAccessApiTests.class.getResourceAsStream("/fixtures/tiny.mp4")) {
            byte[] fixture = in.readAllBytes();
            byte[] filler = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
            ByteBuffer mp4 = ByteBuffer.allocate(fixture.length + 8 + filler.length);
            mp4.put(fixture).putInt(8 + filler.length).put("free".getBytes(StandardCharsets.US_ASCII)).put(filler);
            return mp4.array();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color((int) (Math.random() * 0xFFFFFF)));
        g.fillRect(0, 0, 16, 12);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return png.toByteArray();
    }

}
