package dev.dualdb.course;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Degraded mode: with PostgreSQL switched off the catalog keeps working. A course is
 * served without its media and says so; deletes still succeed (the media rows, if any,
 * are left for the reconciler); media writes are 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dualdb.postgres.enabled=false")
@ActiveProfiles("test")
class CourseWithoutMediaStoreTests {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    ApiClient api;

    @BeforeEach
    void createClient() {
        this.api = TestUsers.adminOf(this.context);
    }

    private JsonNode createCourse() {
        Response created = this.api.post("/api/courses", Map.of("title", "Offline", "sections",
                List.of(Map.of("title", "S", "lessons", List.of(Map.of("title", "A"), Map.of("title", "B"))))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static String lessonId(JsonNode course, int index) {
        return course.path("sections").get(0).path("lessons").get(index).path("id").asString();
    }

    @Test
    void aCourseIsServedWithoutItsMediaAndSaysSo() {
        String id = createCourse().path("id").asString();

        Response read = this.api.get("/api/courses/" + id);

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode course = read.json();
        assertThat(course.path("mediaAvailable").asBoolean()).isFalse();
        assertThat(course.path("videos")).isEmpty();
        assertThat(course.path("sections").get(0).path("lessons").get(0).path("videos")).isEmpty();
        assertThat(course.path("sections").get(0).path("lessons").get(0).path("resources")).isEmpty();
        assertThat(this.api.get("/api/courses?size=5").status()).isEqualTo(200);
    }

    @Test
    void deletesStillSucceedInMongoDb() {
        JsonNode created = createCourse();
        String id = created.path("id").asString();

        assertThat(this.api.delete("/api/courses/" + id + "/lessons/" + lessonId(created, 0)).status()).isEqualTo(204);
        assertThat(this.api
            .delete("/api/courses/" + id + "/sections/" + created.path("sections").get(0).path("id").asString())
            .status()).isEqualTo(204);
        assertThat(this.api.delete("/api/courses/" + id).status()).isEqualTo(204);

        assertThat(this.mongo.findById(new ObjectId(id), Document.class, "courses")).isNull();
    }

    @Test
    void mediaWritesAnswer503WithRetryAfterAndLeaveTheCourseAsItWas() {
        JsonNode created = createCourse();
        String id = created.path("id").asString();

        Response video = this.api.post("/api/courses/" + id + "/videos",
                Map.of("videoType", "YOUTUBE", "videoUrl", "https://youtu.be/x", "title", "t"));
        Response resource = this.api.post("/api/courses/" + id + "/lessons/" + lessonId(created, 0) + "/resources",
                Map.of("resourceName", "r", "resourceType", "PDF", "resourceUrl", "https://cdn.example.com/r.pdf"));

        for (Response response : List.of(video, resource)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(503);
            assertThat(response.json().path("code").asString()).isEqualTo("media-store-unavailable");
            assertThat(response.header("Retry-After")).isNotBlank();
        }
        assertThat(this.api.get("/api/courses/" + id).json().path("sections").get(0).path("lessons")).hasSize(2);
    }

}
