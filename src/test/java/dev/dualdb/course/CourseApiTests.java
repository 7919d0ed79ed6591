package dev.dualdb.course;

import java.math.BigDecimal;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.dualdb.support.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** The course routes themselves: create, read with media, list, patch, delete. */
class CourseApiTests extends CourseApiSupport {

    @Test
    void createsACourseWithItsOutlineAndGivesEverySectionAndLessonAnId() {
        String instructor = new ObjectId().toHexString();
        Response created = api.post("/api/courses",
                Map.of("title", "  Spring in depth  ", "description", "From beans to Boot", "instructorId",
                        instructor.toUpperCase(), "price", new BigDecimal("49.90"), "currency", "EUR", "level",
                        "INTERMEDIATE", "sections", List.of(
                                Map.of("title", "Basics", "lessons",
                                        List.of(Map.of("title", "Hello", "durationSeconds", 300),
                                                Map.of("title", "Setup", "description", "JDK and IDE"))),
                                Map.of("title", "Advanced"))));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode course = created.json();
        String id = course.path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/courses/" + id);
        assertThat(course.path("title").asString()).isEqualTo("Spring in depth");
        assertThat(course.path("instructorId").asString()).isEqualTo(instructor);
        assertThat(course.path("price").decimalValue()).isEqualByComparingTo("49.90");
        assertThat(course.path("level").asString()).isEqualTo("INTERMEDIATE");
        assertThat(course.path("published").asBoolean()).isFalse();
        assertThat(course.path("mediaAvailable").asBoolean()).isTrue();
        assertThat(course.path("videos")).isEmpty();
        JsonNode basics = course.path("sections").get(0);
        assertThat(basics.path("title").asString()).isEqualTo("Basics");
        assertThat(basics.path("lessons").get(0).path("durationSeconds").asInt()).isEqualTo(300);
        assertThat(basics.path("lessons").get(1).path("description").asString()).isEqualTo("JDK and IDE");
        assertThat(basics.path("lessons").get(0).path("videos")).isEmpty();
        assertThat(course.path("sections").get(1).path("lessons")).isEmpty();
        List<String> ids = List.of(sectionId(course, 0), sectionId(course, 1), lessonId(course, 0, 0),
                lessonId(course, 0, 1));
        assertThat(ids).allMatch(ObjectId::isValid);
        assertThat(new HashSet<>(ids)).hasSize(4);

        // Stored with native BSON types: Decimal128 for money, ObjectIds for ids.
        Document stored = stored(id);
        assertThat(stored.get("price")).isInstanceOf(Decimal128.class);
        assertThat(stored.get("instructorId")).isEqualTo(new ObjectId(instructor));
        Document section = stored.getList("sections", Document.class).get(0);
        assertThat(section.get("id")).isEqualTo(new ObjectId(sectionId(course, 0)));
        assertThat(section.getList("lessons", Document.class).get(0).get("id"))
            .isEqualTo(new ObjectId(lessonId(course, 0, 0)));
        assertThat(stored.get("createdAt")).isInstanceOf(Date.class);
        // Nothing in PostgreSQL for a course without media.
        assertThat(videoRows(id) + resourceRows(id)).isZero();
    }

    @Test
    void aCourseWithOnlyATitleIsAFreeBeginnerDraftInUsd() {
        Response created = api.post("/api/courses", Map.of("title", "Minimal"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode course = course(created.json().path("id").asString());
        assertThat(course.path("price").decimalValue()).isEqualByComparingTo("0");
        assertThat(course.path("currency").asString()).isEqualTo("USD");
        assertThat(course.path("level").asString()).isEqualTo("BEGINNER");
        assertThat(course.path("published").asBoolean()).isFalse();
        assertThat(course.path("sections")).isEmpty();
        assertThat(course.path("instructorId").isNull()).isTrue();
    }

    @Test
    void readsACourseWithAllItsMediaFromBothDatabasesGroupedUnderItsLessons() {
        Map<String, List<String>> outline = new LinkedHashMap<>();
        outline.put("One", List.of("A"));
        outline.put("Two", List.of("B"));
        JsonNode created = createCourse(unique("Media"), outline);
        String id = created.path("id").asString();
        String a = lessonId(created, 0, 0);
        String b = lessonId(created, 1, 0);
        assertThat(addVideo(id, null, "YOUTUBE", "https://youtu.be/trailer").status()).isEqualTo(201);
        assertThat(addVideo(id, a, "VIMEO", "https://vimeo.com/123456").status()).isEqualTo(201);
        addResourceId(id, a);
        assertThat(api
            .post("/api/courses/" + id + "/lessons/" + b + "/resources", Map.of("resourceName", "Data", "resourceType",
                    "SPREADSHEET", "resourceUrl", "https://cdn.example.com/data.xlsx"))
            .status()).isEqualTo(201);

        JsonNode course = course(id);

        assertThat(course.path("mediaAvailable").asBoolean()).isTrue();
        assertThat(course.path("videos")).hasSize(1);
        assertThat(course.path("videos").get(0).path("videoUrl").asString()).isEqualTo("https://youtu.be/trailer");
        assertThat(course.path("videos").get(0).path("lessonId").isNull()).isTrue();
        assertThat(course.path("videos").get(0).path("isPreview").asBoolean()).isTrue();
        JsonNode lessonA = course.path("sections").get(0).path("lessons").get(0);
        assertThat(lessonA.path("videos")).hasSize(1);
        assertThat(lessonA.path("videos").get(0).path("videoType").asString()).isEqualTo("VIMEO");
        assertThat(lessonA.path("videos").get(0).path("duration").decimalValue()).isEqualByComparingTo("61.5");
        assertThat(lessonA.path("videos").get(0).path("storageType").asString()).isEqualTo("EXTERNAL");
        assertThat(lessonA.path("resources")).hasSize(1);
        assertThat(lessonA.path("resources").get(0).path("resourceType").asString()).isEqualTo("PDF");
        assertThat(lessonA.path("resources").get(0).path("fileSize").asLong()).isEqualTo(12_345);
        JsonNode lessonB = course.path("sections").get(1).path("lessons").get(0);
        assertThat(lessonB.path("videos")).isEmpty();
        assertThat(lessonB.path("resources")).hasSize(1);
        assertThat(lessonB.path("resources").get(0).path("resourceName").asString()).isEqualTo("Data");

        // The media are rows in PostgreSQL keyed by the MongoDB ids.
        assertThat(videoRows(id)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM course_videos WHERE mongo_course_id = ? AND lesson_id = ?", id, a))
            .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM course_resources WHERE mongo_course_id = ? AND lesson_id = ?", id, b))
            .isEqualTo(1);
    }

    @Test
    void aMediaRowOfALessonTheCourseNoLongerHasIsNeverShown() {
        JsonNode created = createCourse("Kept");
        String id = created.path("id").asString();
        // An orphan the reconciler has not removed yet: a row for a lesson that is not in
        // the course.
        jdbc.sql("""
                INSERT INTO course_videos (id, mongo_course_id, lesson_id, title, video_url, video_type, storage_type)
                VALUES (gen_random_uuid(), ?, ?, 'orphan', 'https://youtu.be/orphan', 'YOUTUBE', 'EXTERNAL')""")
            .param(id)
            .param(new ObjectId().toHexString())
            .update();

        JsonNode course = course(id);

        assertThat(course.toString()).doesNotContain("orphan");
        assertThat(course.path("videos")).isEmpty();
    }

    @Test
    void theReconcilerRemovesTheRowsOfLessonsThatAreGoneAndKeepsTheOthers() {
        JsonNode created = createCourse("Kept", "Also kept");
        String id = created.path("id").asString();
        String kept = lessonId(created, 0, 0);
        String alsoKept = lessonId(created, 0, 1);
        addResourceId(id, kept);
        addResourceId(id, alsoKept);
        String gone = new ObjectId().toHexString();
        jdbc.sql(
                """
                        INSERT INTO course_resources (id, mongo_course_id, lesson_id, resource_name, resource_type,
                            resource_url, storage_type)
                        VALUES (gen_random_uuid(), ?, ?, 'orphan', 'PDF', 'https://files.example.com/orphan.pdf', 'EXTERNAL')""")
            .param(id)
            .param(gone)
            .update();

        Response run = api.post("/api/admin/reconciliation");

        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM course_resources WHERE lesson_id = ?", gone)).isZero();
        assertThat(count("SELECT count(*) FROM course_resources WHERE lesson_id = ?", kept)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM course_resources WHERE lesson_id = ?", alsoKept)).isEqualTo(1);
    }

    @Test
    void listsCoursesPageByPageNewestFirstWithoutTheirMedia() {
        JsonNode first = createCourse("L1", "L2");
        JsonNode second = createCourse("L1");
        JsonNode third = createCourse();

        Response page = api.get("/api/courses?page=0&size=2");

        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        JsonNode body = page.json();
        assertThat(ids(body.path("items"))).containsExactly(third.path("id").asString(), second.path("id").asString());
        assertThat(body.path("page").asInt()).isZero();
        assertThat(body.path("size").asInt()).isEqualTo(2);
        assertThat(body.path("totalElements").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(body.path("totalPages").asInt()).isEqualTo((int) ((body.path("totalElements").asLong() + 1) / 2));
        JsonNode next = api.get("/api/courses?page=1&size=2").json().path("items").get(0);
        assertThat(next.path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(next.path("sectionCount").asInt()).isEqualTo(1);
        assertThat(next.path("lessonCount").asInt()).isEqualTo(2);
        assertThat(next.has("videos")).isFalse();

        Response tooBig = api.malformed().get("/api/courses?size=1000");
        assertProblem(tooBig, 400, "validation-failed");
        assertThat(errorFields(tooBig)).containsExactly("size");
        assertProblem(api.malformed().get("/api/courses?page=-1"), 400, "validation-failed");
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndKeepsFieldsItDoesNotKnow() {
        JsonNode created = createCourse("Stay");
        String id = created.path("id").asString();
        // Another application sharing the database wrote a field this service does not
        // know.
        mongo.getCollection("courses")
            .updateOne(new Document("_id", new ObjectId(id)),
                    new Document("$set", new Document("marketingTag", "spring-sale")));

        Response patched = api.patch("/api/courses/" + id,
                Map.of("published", true, "price", new BigDecimal("19.99"), "level", "ADVANCED"));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode course = patched.json();
        assertThat(course.path("published").asBoolean()).isTrue();
        assertThat(course.path("price").decimalValue()).isEqualByComparingTo("19.99");
        assertThat(course.path("level").asString()).isEqualTo("ADVANCED");
        assertThat(course.path("title").asString()).isEqualTo(created.path("title").asString());
        assertThat(lessonId(course, 0, 0)).isEqualTo(lessonId(created, 0, 0));
        assertThat(course.path("mediaAvailable").asBoolean()).isTrue();
        Document stored = stored(id);
        assertThat(stored.getString("marketingTag")).isEqualTo("spring-sale");
        assertThat(stored.get("price")).isInstanceOf(Decimal128.class);
        assertThat(stored.getList("sections", Document.class)).hasSize(1);
        assertThat(stored.getDate("updatedAt")).isAfterOrEqualTo(stored.getDate("createdAt"));
    }

    @Test
    void invalidFieldsAreListedAndNothingIsCreated() {
        long before = mongo.getCollection("courses").countDocuments();

        Response invalid = api.malformed()
            .post("/api/courses", Map.of("title", " ", "price", -1, "currency", "eur", "instructorId", "not-an-id",
                    "sections",
                    List.of(Map.of("title", "", "lessons", List.of(Map.of("title", "x", "durationSeconds", -5))))));

        assertProblem(invalid, 400, "validation-failed");
        assertThat(errorFields(invalid)).containsExactlyInAnyOrder("title", "price", "currency", "instructorId",
                "sections[0].title", "sections[0].lessons[0].durationSeconds");
        assertThat(mongo.getCollection("courses").countDocuments()).isEqualTo(before);

        assertProblem(api.malformed().post("/api/courses", Map.of("title", "x", "level", "EXPERT")), 400,
                "malformed-body");
        assertProblem(api.malformed().raw("POST", "/api/courses", "application/json", "{\"title\":"), 400,
                "malformed-body");
        assertProblem(api.malformed().raw("POST", "/api/courses", "text/plain", "title"), 415,
                "unsupported-media-type");
        assertThat(mongo.getCollection("courses").countDocuments()).isEqualTo(before);

        String id = createCourse().path("id").asString();
        Response badPatch = api.malformed().patch("/api/courses/" + id, Map.of("title", "   ", "currency", "euro"));
        assertProblem(badPatch, 400, "validation-failed");
        assertThat(errorFields(badPatch)).containsExactlyInAnyOrder("title", "currency");
    }

    @Test
    void unknownAndMalformedCourseIdsAreClearProblems() {
        String unknown = new ObjectId().toHexString();

        assertProblem(api.get("/api/courses/" + unknown), 404, "course-not-found");
        assertProblem(api.patch("/api/courses/" + unknown, Map.of("title", "x")), 404, "course-not-found");
        assertProblem(api.delete("/api/courses/" + unknown), 404, "course-not-found");
        assertProblem(api.malformed().get("/api/courses/not-an-id"), 400, "malformed-id");
        assertProblem(api.malformed().delete("/api/courses/" + unknown + "0"), 400, "malformed-id");
        assertThat(stored(unknown)).isNull();
    }

    @Test
    void deletingACourseRemovesItsDocumentAndEveryMediaRowButNoOtherCourses() {
        JsonNode created = createCourse("A", "B");
        String id = created.path("id").asString();
        String a = lessonId(created, 0, 0);
        String b = lessonId(created, 0, 1);
        addVideoId(id, null);
        addVideoId(id, a);
        addResourceId(id, b);
        assertThat(api.post("/api/media", Map.of("referenceType", "COURSE", "referenceId", id, "mediaType", "IMAGE",
                "mediaUrl", "https://cdn.example.com/cover.png"))
            .status()).isEqualTo(201);
        assertThat(api.post("/api/media", Map.of("referenceType", "LESSON", "referenceId", a, "mediaType", "AUDIO",
                "mediaUrl", "https://cdn.example.com/a.mp3"))
            .status()).isEqualTo(201);
        JsonNode other = createCourse("Other");
        String otherId = other.path("id").asString();
        addVideoId(otherId, lessonId(other, 0, 0));

        Response deleted = api.delete("/api/courses/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(stored(id)).isNull();
        assertThat(videoRows(id)).isZero();
        assertThat(resourceRows(id)).isZero();
        assertThat(count("SELECT count(*) FROM media_storage WHERE reference_id IN (?, ?, ?)", id, a, b)).isZero();
        assertProblem(api.get("/api/courses/" + id), 404, "course-not-found");
        assertProblem(api.delete("/api/courses/" + id), 404, "course-not-found");
        assertThat(videoRows(otherId)).isEqualTo(1);
        assertThat(stored(otherId)).isNotNull();
    }

}
