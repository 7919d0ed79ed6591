package dev.dualdb.user;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class UserApiTests extends ApiTest {

    private String course() {
        ObjectId id = new ObjectId();
        mongo.insert(new Document("_id", id).append("title", "Course").append("createdAt", new Date()), "courses");
        return id.toHexString();
    }

    private Response createUser(String email) {
        return api.post("/api/users", Map.of("email", email, "name", "Ada Lovelace", "roles", List.of("STUDENT")));
    }

    @Test
    void createsAndReadsAUser() {
        String email = unique("ada") + "@example.com";

        Response created = createUser(email);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        Response read = api.get("/api/users/" + id);
        assertThat(read.json().path("email").asString()).isEqualTo(email);
        assertThat(read.json().path("roles").get(0).asString()).isEqualTo("STUDENT");
    }

    @Test
    void theSameEmailInAnotherCaseIsAConflict() {
        String email = unique("grace") + "@example.com";
        assertThat(createUser(email).status()).isEqualTo(201);

        assertProblem(createUser(email.toUpperCase(Locale.ROOT)), 409, "duplicate-email");
        assertThat(mongo.getCollection("users").countDocuments(new Document("email", email))).isEqualTo(1);
    }

    @Test
    void invalidUsersAreRefusedWithTheirFields() {
        Response response = api.malformed().post("/api/users", Map.of("email", "not-an-email", "name", ""));

        assertProblem(response, 400, "validation-failed");
        assertThat(response.json().path("errors").findValuesAsString("field")).contains("email", "name");
    }

    @Test
    void enrolsAUserOnceInACourse() {
        String course = course();
        String user = createUser(unique("alan") + "@example.com").json().path("id").asString();

        Response enrolled = api.post("/api/courses/" + course + "/enrollments", Map.of("userId", user));

        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        assertThat(enrolled.json().path("courseId").asString()).isEqualTo(course);
        assertThat(enrolled.json().path("userId").asString()).isEqualTo(user);
        assertProblem(api.post("/api/courses/" + course + "/enrollments", Map.of("userId", user)), 409,
                "duplicate-enrollment");
        assertThat(api.get("/api/courses/" + course + "/enrollments").json()).hasSize(1);
        assertThat(api.get("/api/users/" + user + "/enrollments").json()).hasSize(1);
        Response byLocation = api.get(enrolled.header("Location"));
        assertThat(byLocation.status()).isEqualTo(200);
        assertThat(byLocation.json().path("userId").asString()).isEqualTo(user);
    }

    @Test
    void deletingACourseTakesItsEnrolmentsWithIt() {
        String course = api.post("/api/courses", Map.of("title", "Short-lived")).json().path("id").asString();
        String user = createUser(unique("barbara") + "@example.com").json().path("id").asString();
        assertThat(api.post("/api/courses/" + course + "/enrollments", Map.of("userId", user)).status()).isEqualTo(201);

        assertThat(api.delete("/api/courses/" + course).status()).isEqualTo(204);

        assertThat(api.get("/api/users/" + user + "/enrollments").json()).isEmpty();
        assertThat(mongo.getCollection("enrollments").countDocuments(new Document("courseId", new ObjectId(course))))
            .isZero();
    }

    @Test
    void enrolmentNeedsAnExistingCourseAndUser() {
        String course = course();
        String user = createUser(unique("edsger") + "@example.com").json().path("id").asString();
        String missing = new ObjectId().toHexString();

        assertProblem(api.post("/api/courses/" + missing + "/enrollments", Map.of("userId", user)), 404,
                "course-not-found");
        assertProblem(api.post("/api/courses/" + course + "/enrollments", Map.of("userId", missing)), 404,
                "user-not-found");
        assertProblem(api.malformed().post("/api/courses/" + course + "/enrollments", Map.of("userId", "nope")), 400,
                "validation-failed");
        assertThat(mongo.getCollection("enrollments").countDocuments(new Document("courseId", new ObjectId(course))))
            .isZero();
    }

}
