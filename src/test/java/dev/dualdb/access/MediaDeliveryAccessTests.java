package dev.dualdb.access;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.dualdb.access.Cast.Column;
import dev.dualdb.blob.TestFiles;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.Multipart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule table's row "non-preview videos, lesson resources (metadata and bytes)": only
 * a course's enrolled students, its instructor and admins see them; a preview video is
 * for everyone. Kept apart from the matrix because media delivery is changing (signed
 * URLs for private media): these cases say what must hold whatever the mechanism, with a
 * bearer token as the way in.
 */
class MediaDeliveryAccessTests extends ApiTest {

    private static final Set<Column> LEARNERS = EnumSet.of(Column.ENROLLED, Column.INSTRUCTOR, Column.ADMIN);

    @TempDir
    Path files;

    private Cast cast;

    private String course;

    private String lessonVideo;

    private String previewVideo;

    private String resource;

    @BeforeEach
    void courseWithUploadedMedia() throws IOException {
        this.cast = Cast.create(api, (roles) -> logIn(roles));
        World world = World.create(this.cast);
        this.course = world.course();
        this.lessonVideo = upload(this.course + "/videos",
                new Multipart().field("title", "Lesson")
                    .field("lessonId", world.lessonId())
                    .field("isPreview", "false")
                    .file("file", TestFiles.fixture(this.files, "tiny.mp4"), "video/mp4"))
            .path("videoUrl")
            .asString();
        this.previewVideo = upload(this.course + "/videos",
                new Multipart().field("title", "Preview")
                    .field("isPreview", "true")
                    .file("file", TestFiles.fixture(this.files, "tiny.webm"), "video/webm"))
            .path("videoUrl")
            .asString();
        this.resource = upload(this.course + "/lessons/" + world.lessonId() + "/resources",
                new Multipart().file("file", TestFiles.pdf(this.files, "notes.pdf", 1), "application/pdf"))
            .path("resourceUrl")
            .asString();
        assertThat(List.of(this.lessonVideo, this.previewVideo, this.resource))
            .allMatch((u) -> u.startsWith("/media/"));
    }

    @Test
    void theOutlineShowsPrivateMediaOnlyToThoseWhoMayLearn() {
        for (Column column : Column.values()) {
            ApiClient.Response outline = this.cast.client(column).get(this.course);
            assertThat(outline.status()).isEqualTo(200);
            String body = outline.body();
            assertThat(body).as(column + " sees the preview").contains(id(this.previewVideo));
            if (LEARNERS.contains(column)) {
                assertThat(body).as(column + " sees the lesson's media")
                    .contains(id(this.lessonVideo))
                    .contains(id(this.resource));
            }
            else {
                assertThat(body).as(column + " does not see the lesson's media")
                    .doesNotContain(id(this.lessonVideo))
                    .doesNotContain(id(this.resource));
            }
        }
    }

    @Test
    void previewBytesAreForEveryone() {
        for (Column column : Column.values()) {
            ApiClient.Response bytes = this.cast.client(column).fetch("GET", this.previewVideo);
            assertThat(bytes.status()).as(column + ": " + bytes.status()).isEqualTo(200);
        }
    }

    @Test
    void privateBytesAreOnlyForThoseWhoMayLearn() {
        for (String signed : List.of(this.lessonVideo, this.resource)) {
            // The upload answer hands out a signed URL: it works without a token, for
            // whoever it was given to.
            assertThat(signed).contains("sig=");
            assertThat(this.cast.client(Column.ANONYMOUS).fetch("GET", signed).status()).as("GET " + signed)
                .isEqualTo(200);
            // The plain URL needs a token of someone who may learn in the course.
            String path = signed.substring(0, signed.indexOf('?'));
            for (Column column : Column.values()) {
                ApiClient.Response bytes = this.cast.client(column).fetch("GET", path);
                if (LEARNERS.contains(column)) {
                    assertThat(bytes.status()).as(column + " GET " + path).isEqualTo(200);
                }
                else {
                    assertThat(bytes.status()).as(column + " GET " + path + " (private media)").isIn(401, 403, 404);
                    assertThat(bytes.bytes().length).as("no byte of the media").isLessThan(1000);
                }
            }
        }
    }

    private JsonNode upload(String path, Multipart form) {
        ApiClient.Response uploaded = api.multipart(path, form);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.json();
    }

    /** The media id of a media URL, without a signed URL's query. */
    private static String id(String mediaPath) {
        String path = mediaPath.contains("?") ? mediaPath.substring(0, mediaPath.indexOf('?')) : mediaPath;
        return path.substring("/media/".length());
    }

}
