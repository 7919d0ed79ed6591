package dev.dualdb.course;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.dualdb.support.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** The routes for sections and lessons. */
class CourseCurriculumApiTests extends CourseApiSupport {

    private JsonNode threeSections() {
        Map<String, List<String>> outline = new LinkedHashMap<>();
        outline.put("One", List.of("1a", "1b", "1c"));
        outline.put("Two", List.of("2a"));
        outline.put("Three", List.of());
        return createCourse(unique("Outline"), outline);
    }

    @Test
    void sectionsAndLessonsCanBeAddedToAnExistingCourse() {
        String id = createCourse().path("id").asString();

        Response section = api.post("/api/courses/" + id + "/sections",
                Map.of("title", " Extras ", "lessons", List.of(Map.of("title", "Bonus"))));
        assertThat(section.status()).as(section.toString()).isEqualTo(201);
        String sectionId = section.json().path("id").asString();
        assertThat(section.json().path("title").asString()).isEqualTo("Extras");
        Response lesson = api.post("/api/courses/" + id + "/sections/" + sectionId + "/lessons",
                Map.of("title", "Q&A", "description", "Live", "durationSeconds", 3600));
        assertThat(lesson.status()).as(lesson.toString()).isEqualTo(201);
        String lessonId = lesson.json().path("id").asString();
        assertThat(ObjectId.isValid(lessonId)).isTrue();

        JsonNode extras = course(id).path("sections").get(1);
        assertThat(extras.path("id").asString()).isEqualTo(sectionId);
        assertThat(extras.path("lessons").get(0).path("title").asString()).isEqualTo("Bonus");
        assertThat(extras.path("lessons").get(1).path("id").asString()).isEqualTo(lessonId);
        assertThat(extras.path("lessons").get(1).path("durationSeconds").asInt()).isEqualTo(3600);
        assertThat(stored(id).get("version", Number.class).longValue()).isEqualTo(2);
    }

    @Test
    void renamingAndReorderingKeepEveryId() {
        JsonNode created = threeSections();
        String id = created.path("id").asString();
        String one = sectionId(created, 0);
        String two = sectionId(created, 1);
        String three = sectionId(created, 2);
        String l1a = lessonId(created, 0, 0);
        String l1b = lessonId(created, 0, 1);
        String l1c = lessonId(created, 0, 2);

        Response renamed = api.patch("/api/courses/" + id + "/sections/" + two, Map.of("title", "Deux"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().path("id").asString()).isEqualTo(two);

        Response reordered = api.put("/api/courses/" + id + "/sections/order",
                Map.of("sectionIds", List.of(three, one, two)));
        assertThat(reordered.status()).as(reordered.toString()).isEqualTo(200);
        assertThat(ids(reordered.json())).containsExactly(three, one, two);

        Response lessons = api.put("/api/courses/" + id + "/sections/" + one + "/lessons/order",
                Map.of("lessonIds", List.of(l1c, l1a, l1b)));
        assertThat(lessons.status()).as(lessons.toString()).isEqualTo(200);
        assertThat(ids(lessons.json().path("lessons"))).containsExactly(l1c, l1a, l1b);

        Response lesson = api.patch("/api/courses/" + id + "/lessons/" + l1a,
                Map.of("title", "Renamed", "durationSeconds", 42));
        assertThat(lesson.status()).as(lesson.toString()).isEqualTo(200);
        assertThat(lesson.json().path("id").asString()).isEqualTo(l1a);

        JsonNode course = course(id);
        assertThat(ids(course.path("sections"))).containsExactly(three, one, two);
        assertThat(course.path("sections").get(2).path("title").asString()).isEqualTo("Deux");
        JsonNode oneLessons = course.path("sections").get(1).path("lessons");
        assertThat(ids(oneLessons)).containsExactly(l1c, l1a, l1b);
        assertThat(oneLessons.get(1).path("title").asString()).isEqualTo("Renamed");
        assertThat(oneLessons.get(1).path("durationSeconds").asInt()).isEqualTo(42);
        assertThat(course.path("sections").get(2).path("lessons").get(0).path("id").asString())
            .isEqualTo(lessonId(created, 1, 0));
    }

    @Test
    void anOrderThatIsNotAPermutationIsRejectedAndChangesNothing() {
        JsonNode created = threeSections();
        String id = created.path("id").asString();
        String one = sectionId(created, 0);
        String two = sectionId(created, 1);
        String three = sectionId(created, 2);
        String stranger = new ObjectId().toHexString();
        Document before = stored(id);
        String path = "/api/courses/" + id + "/sections/order";

        assertProblem(api.put(path, Map.of("sectionIds", List.of(one, two))), 400, "invalid-order");
        assertProblem(api.put(path, Map.of("sectionIds", List.of(one, two, stranger))), 400, "invalid-order");
        assertProblem(api.put(path, Map.of("sectionIds", List.of(one, two, three, three))), 400, "invalid-order");
        Response lessonInsteadOfSection = api.put(path,
                Map.of("sectionIds", List.of(one, two, lessonId(created, 0, 0))));
        assertProblem(lessonInsteadOfSection, 400, "invalid-order");
        assertThat(lessonInsteadOfSection.json().path("detail").asString()).contains("missing: " + three);
        Response malformed = api.malformed().put(path, Map.of("sectionIds", List.of(one, two, "three")));
        assertProblem(malformed, 400, "validation-failed");
        assertThat(errorFields(malformed)).containsExactly("sectionIds[2]");
        assertProblem(api.malformed().put(path, Map.of()), 400, "validation-failed");
        assertProblem(
                api.put("/api/courses/" + id + "/sections/" + one + "/lessons/order",
                        Map.of("lessonIds",
                                List.of(lessonId(created, 0, 0), lessonId(created, 1, 0), lessonId(created, 0, 2)))),
                400, "invalid-order");

        Document after = stored(id);
        assertThat(after.get("sections")).isEqualTo(before.get("sections"));
        assertThat(after.get("version")).isEqualTo(before.get("version"));
    }

    @Test
    void aLessonCanMoveToAnotherSectionKeepingItsIdAndMedia() {
        JsonNode created = threeSections();
        String id = created.path("id").asString();
        String lesson = lessonId(created, 0, 1);
        String videoId = addVideoId(id, lesson);

        Response moved = api.patch("/api/courses/" + id + "/lessons/" + lesson,
                Map.of("sectionId", sectionId(created, 2)));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        JsonNode course = course(id);
        assertThat(ids(course.path("sections").get(0).path("lessons"))).containsExactly(lessonId(created, 0, 0),
                lessonId(created, 0, 2));
        JsonNode target = course.path("sections").get(2).path("lessons");
        assertThat(ids(target)).containsExactly(lesson);
        assertThat(target.get(0).path("title").asString()).isEqualTo("1b");
        assertThat(ids(target.get(0).path("videos"))).containsExactly(videoId);
        assertProblem(api.patch("/api/courses/" + id + "/lessons/" + lesson,
                Map.of("sectionId", new ObjectId().toHexString())), 404, "section-not-found");
    }

    @Test
    void deletingALessonRemovesItsVideosAndResourcesAndNothingElse() {
        JsonNode created = createCourse("Gone", "Stays");
        String id = created.path("id").asString();
        String gone = lessonId(created, 0, 0);
        String stays = lessonId(created, 0, 1);
        addVideoId(id, gone);
        addResourceId(id, gone);
        api.post("/api/media", Map.of("referenceType", "LESSON", "referenceId", gone, "mediaType", "AUDIO", "mediaUrl",
                "https://cdn.example.com/gone.mp3"));
        String staysVideo = addVideoId(id, stays);
        String staysResource = addResourceId(id, stays);
        String trailer = addVideoId(id, null);
        assertThat(rowsOfLesson(gone)).isEqualTo(3);

        Response deleted = api.delete("/api/courses/" + id + "/lessons/" + gone);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(rowsOfLesson(gone)).isZero();
        assertThat(videoRows(id)).isEqualTo(2);
        assertThat(resourceRows(id)).isEqualTo(1);
        JsonNode course = course(id);
        JsonNode lessons = course.path("sections").get(0).path("lessons");
        assertThat(ids(lessons)).containsExactly(stays);
        assertThat(ids(lessons.get(0).path("videos"))).containsExactly(staysVideo);
        assertThat(ids(lessons.get(0).path("resources"))).containsExactly(staysResource);
        assertThat(ids(course.path("videos"))).containsExactly(trailer);
        assertThat(stored(id).toJson()).doesNotContain(gone);
        assertProblem(api.delete("/api/courses/" + id + "/lessons/" + gone), 404, "lesson-not-found");
    }

    @Test
    void deletingASectionRemovesItsLessonsAndTheirMedia() {
        JsonNode created = threeSections();
        String id = created.path("id").asString();
        String l1a = lessonId(created, 0, 0);
        String l1c = lessonId(created, 0, 2);
        String l2a = lessonId(created, 1, 0);
        addVideoId(id, l1a);
        addResourceId(id, l1c);
        addVideoId(id, l2a);

        Response deleted = api.delete("/api/courses/" + id + "/sections/" + sectionId(created, 0));

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(rowsOfLesson(l1a) + rowsOfLesson(l1c)).isZero();
        assertThat(rowsOfLesson(l2a)).isEqualTo(1);
        JsonNode course = course(id);
        assertThat(ids(course.path("sections"))).containsExactly(sectionId(created, 1), sectionId(created, 2));
        assertThat(stored(id).toJson()).doesNotContain(l1a).doesNotContain(sectionId(created, 0));
        assertProblem(api.delete("/api/courses/" + id + "/sections/" + sectionId(created, 0)), 404,
                "section-not-found");
    }

    @Test
    void unknownCoursesSectionsAndLessonsAre404WithTheirOwnCodes() {
        JsonNode created = createCourse("Only");
        String id = created.path("id").asString();
        String unknown = new ObjectId().toHexString();
        String section = sectionId(created, 0);

        assertProblem(api.post("/api/courses/" + unknown + "/sections", Map.of("title", "x")), 404, "course-not-found");
        assertProblem(api.patch("/api/courses/" + id + "/sections/" + unknown, Map.of("title", "x")), 404,
                "section-not-found");
        assertProblem(api.post("/api/courses/" + id + "/sections/" + unknown + "/lessons", Map.of("title", "x")), 404,
                "section-not-found");
        assertProblem(api.put("/api/courses/" + id + "/sections/" + unknown + "/lessons/order",
                Map.of("lessonIds", List.of())), 404, "section-not-found");
        assertProblem(api.delete("/api/courses/" + id + "/sections/" + unknown), 404, "section-not-found");
        assertProblem(api.patch("/api/courses/" + id + "/lessons/" + unknown, Map.of("title", "x")), 404,
                "lesson-not-found");
        assertProblem(api.delete("/api/courses/" + id + "/lessons/" + unknown), 404, "lesson-not-found");
        // A section id is not a lesson id, even though both are ObjectIds.
        assertProblem(api.delete("/api/courses/" + id + "/lessons/" + section), 404, "lesson-not-found");
        assertProblem(api.malformed().delete("/api/courses/" + id + "/sections/not-an-id"), 400, "malformed-id");
        assertProblem(api.malformed().patch("/api/courses/" + id + "/lessons/xyz", Map.of("title", "x")), 400,
                "malformed-id");
        assertThat(course(id).path("sections")).hasSize(1);
    }

    @Test
    void invalidSectionsAndLessonsListTheirFields() {
        JsonNode created = createCourse("Only");
        String id = created.path("id").asString();
        String section = sectionId(created, 0);
        Document before = stored(id);

        Response blank = api.malformed().post("/api/courses/" + id + "/sections", Map.of("title", ""));
        assertProblem(blank, 400, "validation-failed");
        assertThat(errorFields(blank)).containsExactly("title");
        Response lesson = api.malformed()
            .post("/api/courses/" + id + "/sections/" + section + "/lessons",
                    Map.of("durationSeconds", -1, "description", "d"));
        assertProblem(lesson, 400, "validation-failed");
        assertThat(errorFields(lesson)).containsExactly("durationSeconds", "title");
        Response patch = api.malformed()
            .patch("/api/courses/" + id + "/lessons/" + lessonId(created, 0, 0),
                    Map.of("title", "", "sectionId", "nope"));
        assertProblem(patch, 400, "validation-failed");
        assertThat(errorFields(patch)).containsExactlyInAnyOrder("title", "title", "sectionId");

        assertThat(stored(id).get("sections")).isEqualTo(before.get("sections"));
    }

    @Test
    void editsKeepFieldsThisServiceDoesNotKnowAtEveryLevel() {
        JsonNode created = createCourse("Quiz", "Other");
        String id = created.path("id").asString();
        String lesson = lessonId(created, 0, 0);
        // Another application sharing the database added fields at the top, in a section
        // and in a lesson.
        mongo.getCollection("courses")
            .updateOne(new Document("_id", new ObjectId(id)),
                    new Document("$set", new Document("marketingTag", "spring-sale").append("sections.0.badge", "new")
                        .append("sections.0.lessons.0.quiz", new Document("questions", 5))));

        assertThat(api.patch("/api/courses/" + id + "/sections/" + sectionId(created, 0), Map.of("title", "Renamed"))
            .status()).isEqualTo(200);
        assertThat(api.patch("/api/courses/" + id + "/lessons/" + lesson, Map.of("title", "Quiz 1")).status())
            .isEqualTo(200);
        assertThat(api
            .put("/api/courses/" + id + "/sections/" + sectionId(created, 0) + "/lessons/order",
                    Map.of("lessonIds", List.of(lessonId(created, 0, 1), lesson)))
            .status()).isEqualTo(200);
        assertThat(api.post("/api/courses/" + id + "/sections", Map.of("title", "More")).status()).isEqualTo(201);
        assertThat(api.patch("/api/courses/" + id, Map.of("title", "Still tagged")).status()).isEqualTo(200);

        Document stored = stored(id);
        assertThat(stored.getString("marketingTag")).isEqualTo("spring-sale");
        Document section = stored.getList("sections", Document.class).get(0);
        assertThat(section.getString("badge")).isEqualTo("new");
        assertThat(section.getString("title")).isEqualTo("Renamed");
        Document quiz = section.getList("lessons", Document.class).get(1);
        assertThat(quiz.get("id")).isEqualTo(new ObjectId(lesson));
        assertThat(quiz.getString("title")).isEqualTo("Quiz 1");
        assertThat(quiz.get("quiz", Document.class).getInteger("questions")).isEqualTo(5);
    }

    @Test
    void aCourseWrittenByAnotherApplicationCanBeReadAndEdited() {
        ObjectId id = new ObjectId();
        String sectionId = new ObjectId().toHexString();
        String lessonId = new ObjectId().toHexString();
        // No version, no timestamps, no price, and ids stored as hex strings rather than
        // ObjectIds.
        mongo.getCollection("courses")
            .insertOne(new Document("_id", id).append("title", "Imported")
                .append("sections", List.of(new Document("id", sectionId).append("title", "Old")
                    .append("lessons", List.of(new Document("id", lessonId).append("title", "Old lesson"))))));
        String hex = id.toHexString();

        JsonNode course = course(hex);
        assertThat(course.path("currency").asString()).isEqualTo("USD");
        assertThat(course.path("level").asString()).isEqualTo("BEGINNER");
        assertThat(lessonId(course, 0, 0)).isEqualTo(lessonId);

        assertThat(api.post("/api/courses/" + hex + "/sections", Map.of("title", "New")).status()).isEqualTo(201);
        assertThat(api.patch("/api/courses/" + hex + "/lessons/" + lessonId, Map.of("title", "Renamed")).status())
            .isEqualTo(200);
        assertThat(addVideo(hex, lessonId, "EXTERNAL", "https://videos.example.com/old.mp4").status()).isEqualTo(201);
        Document stored = stored(hex);
        assertThat(stored.get("version", Number.class).longValue()).isEqualTo(2);
        assertThat(stored.getList("sections", Document.class)).hasSize(2);
        assertThat(course(hex).path("sections").get(0).path("lessons").get(0).path("videos")).hasSize(1);
    }

    @Test
    void concurrentEditsOfOneCourseAreAllKept() throws Exception {
        String id = createCourse().path("id").asString();
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Response>> responses = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String title = "Parallel " + i;
                responses.add(pool.submit(() -> api.post("/api/courses/" + id + "/sections", Map.of("title", title))));
            }
            for (Future<Response> response : responses) {
                assertThat(response.get().status()).as(response.get().toString()).isEqualTo(201);
            }
        }
        finally {
            pool.shutdownNow();
        }

        JsonNode sections = course(id).path("sections");
        assertThat(sections).hasSize(writers + 1);
        List<String> titles = new ArrayList<>();
        sections.forEach((section) -> titles.add(section.path("title").asString()));
        for (int i = 0; i < writers; i++) {
            assertThat(titles).contains("Parallel " + i);
        }
    }

}
