package dev.dualdb.course;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import tools.jackson.databind.JsonNode;

import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers shared by the course HTTP tests: courses with an outline, and media recorded
 * against them.
 */
abstract class CourseApiSupport extends ApiTest {

    /**
     * Creates a course whose sections have the given lesson titles; returns the response
     * body.
     */
    protected JsonNode createCourse(String title, Map<String, List<String>> lessonsBySection) {
        List<Map<String, Object>> sections = new ArrayList<>();
        lessonsBySection.forEach((section, lessons) -> sections.add(Map.of("title", section, "lessons",
                lessons.stream().map((lesson) -> Map.of("title", lesson)).toList())));
        Response created = api.post("/api/courses", Map.of("title", title, "sections", sections));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** A course with one section "S" holding the given lessons. */
    protected JsonNode createCourse(String... lessons) {
        Map<String, List<String>> outline = new LinkedHashMap<>();
        outline.put("S", List.of(lessons));
        return createCourse(unique("Course"), outline);
    }

    protected static String lessonId(JsonNode course, int section, int lesson) {
        return course.path("sections").get(section).path("lessons").get(lesson).path("id").asString();
    }

    protected static String sectionId(JsonNode course, int section) {
        return course.path("sections").get(section).path("id").asString();
    }

    protected static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach((node) -> ids.add(node.path("id").asString()));
        return ids;
    }

    protected JsonNode course(String id) {
        Response response = api.get("/api/courses/" + id);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    protected Document stored(String id) {
        return mongo.findById(new ObjectId(id), Document.class, "courses");
    }

    /**
     * Records a video; {@code lessonId} may be {@code null} for a video of the course
     * itself.
     */
    protected Response addVideo(String courseId, String lessonId, String type, String url) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("videoType", type);
        body.put("videoUrl", url);
        body.put("title", "Video " + type);
        body.put("duration", new BigDecimal("61.5"));
        body.put("isPreview", lessonId == null);
        if (lessonId != null) {
            body.put("lessonId", lessonId);
        }
        return api.post("/api/courses/" + courseId + "/videos", body);
    }

    protected String addVideoId(String courseId, String lessonId) {
        Response added = addVideo(courseId, lessonId, "YOUTUBE", "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json().path("id").asString();
    }

    protected Response addResource(String courseId, String lessonId, String url) {
        return api.post("/api/courses/" + courseId + "/lessons/" + lessonId + "/resources",
                Map.of("resourceName", "Slides", "resourceType", "PDF", "resourceUrl", url, "fileName", "slides.pdf",
                        "fileSize", 12_345, "mimeType", "application/pdf"));
    }

    protected String addResourceId(String courseId, String lessonId) {
        Response added = addResource(courseId, lessonId, "https://cdn.example.com/slides.pdf");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json().path("id").asString();
    }

    protected long videoRows(String courseId) {
        return count("SELECT count(*) FROM course_videos WHERE mongo_course_id = ?", courseId);
    }

    protected long resourceRows(String courseId) {
        return count("SELECT count(*) FROM course_resources WHERE mongo_course_id = ?", courseId);
    }

    protected long rowsOfLesson(String lessonId) {
        return count("SELECT count(*) FROM course_videos WHERE lesson_id = ?", lessonId)
                + count("SELECT count(*) FROM course_resources WHERE lesson_id = ?", lessonId)
                + count("SELECT count(*) FROM media_storage WHERE reference_type = 'LESSON' AND reference_id = ?",
                        lessonId);
    }

    /** The field names of a validation problem's {@code errors}. */
    protected static List<String> errorFields(Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach((error) -> fields.add(error.path("field").asString()));
        return fields;
    }

}
