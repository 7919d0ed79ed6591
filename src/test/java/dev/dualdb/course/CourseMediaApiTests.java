package dev.dualdb.course;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.dualdb.media.internal.AccessCounts;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.user.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes for course videos and lesson resources, and lessons as owners of any media.
 */
class CourseMediaApiTests extends CourseApiSupport {

    @Autowired
    AccessCounts accessCounts;

    @Test
    void recordsAVideoOfALessonGivenByUrl() {
        JsonNode created = createCourse("Intro");
        String id = created.path("id").asString();
        String lesson = lessonId(created, 0, 0);

        Response added = addVideo(id, lesson.toUpperCase(), "YOUTUBE", "https://www.youtube.com/watch?v=abc");

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode video = added.json();
        assertThat(video.path("mongoCourseId").asString()).isEqualTo(id);
        assertThat(video.path("lessonId").asString()).isEqualTo(lesson);
        assertThat(video.path("videoType").asString()).isEqualTo("YOUTUBE");
        assertThat(video.path("storageType").asString()).isEqualTo("EXTERNAL");
        assertThat(video.path("accessCount").asLong()).isZero();
        assertThat(count("SELECT count(*) FROM course_videos WHERE id = ?::uuid AND lesson_id = ?",
                video.path("id").asString(), lesson))
            .isEqualTo(1);
    }

    @Test
    void aYouTubeVideoMustBeOnYouTubeAndNothingIsRecordedOtherwise() {
        JsonNode created = createCourse("Intro");
        String id = created.path("id").asString();

        assertProblem(addVideo(id, null, "YOUTUBE", "https://evil.example.com/watch?v=abc"), 400, "invalid-url");
        assertProblem(addVideo(id, lessonId(created, 0, 0), "VIMEO", "https://www.youtube.com/watch?v=abc"), 400,
                "invalid-url");
        assertProblem(addVideo(id, null, "YOUTUBE", "https://youtube.com.evil.example/watch"), 400, "invalid-url");
        assertProblem(addVideo(id, null, "UPLOAD", "https://cdn.example.com/v.mp4"), 400, "invalid-video-type");
        assertThat(videoRows(id)).isZero();
    }

    @Test
    void scriptAndOtherNonWebUrlsAreRejected() {
        JsonNode created = createCourse("Intro");
        String id = created.path("id").asString();
        String lesson = lessonId(created, 0, 0);

        assertProblem(addVideo(id, null, "EXTERNAL", "javascript:alert(1)"), 400, "invalid-url");
        assertProblem(addVideo(id, lesson, "EXTERNAL", "JavaScript://%0aalert(1)"), 400, "invalid-url");
        assertProblem(addVideo(id, lesson, "EXTERNAL", "data:text/html,<script>alert(1)</script>"), 400, "invalid-url");
        assertProblem(addResource(id, lesson, "javascript:alert(document.cookie)"), 400, "invalid-url");
        assertProblem(addResource(id, lesson, "file:///etc/passwd"), 400, "invalid-url");
        assertProblem(addResource(id, lesson, "https://user:secret@cdn.example.com/x.pdf"), 400, "invalid-url");
        assertThat(videoRows(id) + resourceRows(id)).isZero();
    }

    @Test
    void mediaForAnUnknownCourseOrLessonIs404AndRecordsNothing() {
        JsonNode created = createCourse("Mine");
        String id = created.path("id").asString();
        JsonNode other = createCourse("Theirs");
        String theirLesson = lessonId(other, 0, 0);
        String unknown = new ObjectId().toHexString();

        assertProblem(addVideo(unknown, null, "YOUTUBE", "https://youtu.be/x"), 404, "course-not-found");
        assertProblem(addVideo(unknown, theirLesson, "YOUTUBE", "https://youtu.be/x"), 404, "course-not-found");
        assertProblem(addVideo(id, unknown, "YOUTUBE", "https://youtu.be/x"), 404, "lesson-not-found");
        // A lesson of another course is not a lesson of this one.
        assertProblem(addVideo(id, theirLesson, "YOUTUBE", "https://youtu.be/x"), 404, "lesson-not-found");
        // Nor is a section.
        assertProblem(addResource(id, sectionId(created, 0), "https://cdn.example.com/x.pdf"), 404, "lesson-not-found");
        assertProblem(addResource(id, theirLesson, "https://cdn.example.com/x.pdf"), 404, "lesson-not-found");
        assertProblem(addResource(unknown, theirLesson, "https://cdn.example.com/x.pdf"), 404, "course-not-found");
        assertThat(videoRows(id) + resourceRows(id) + videoRows(unknown) + resourceRows(unknown)).isZero();
        assertThat(rowsOfLesson(theirLesson)).isZero();
    }

    @Test
    void countingViewsIncrementsTheCounterAndRecordsWhen() {
        JsonNode created = createCourse("Watched");
        String id = created.path("id").asString();
        String video = addVideoId(id, lessonId(created, 0, 0));
        Instant before = Instant.now().minusSeconds(5);

        Response first = api.post("/api/courses/" + id + "/videos/" + video + "/views");
        // Another admin: one user's views count once per view window.
        Response second = logIn(Role.ADMIN).client().post("/api/courses/" + id + "/videos/" + video + "/views");

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("id").asString()).isEqualTo(video);
        assertThat(first.json().path("accessCount").asLong()).isEqualTo(1);
        assertThat(second.json().path("accessCount").asLong()).isEqualTo(2);
        assertThat(Instant.parse(second.json().path("lastAccessedAt").asString())).isAfter(before);
        assertThat(count("SELECT access_count FROM course_videos WHERE id = ?::uuid", video))
            .as("counted in memory until the next flush")
            .isZero();
        this.accessCounts.flush();
        assertThat(count("SELECT access_count FROM course_videos WHERE id = ?::uuid", video)).isEqualTo(2);
        assertThat(
                count("SELECT count(*) FROM course_videos WHERE id = ?::uuid AND last_accessed_at IS NOT NULL", video))
            .isEqualTo(1);
        JsonNode shown = course(id).path("sections").get(0).path("lessons").get(0).path("videos").get(0);
        assertThat(shown.path("accessCount").asLong()).isEqualTo(2);
    }

    @Test
    void countingResourceAccessesIncrementsTheCounterAndRecordsWhen() {
        JsonNode created = createCourse("Downloaded");
        String id = created.path("id").asString();
        String resource = addResourceId(id, lessonId(created, 0, 0));
        assertThat(count("SELECT count(*) FROM course_resources WHERE id = ?::uuid AND last_accessed_at IS NULL",
                resource))
            .isEqualTo(1);

        Response counted = api.post("/api/courses/" + id + "/resources/" + resource + "/accesses");

        assertThat(counted.status()).as(counted.toString()).isEqualTo(200);
        assertThat(counted.json().path("accessCount").asLong()).isEqualTo(1);
        assertThat(counted.json().path("lastAccessedAt").isNull()).isFalse();
        this.accessCounts.flush();
        assertThat(count("SELECT access_count FROM course_resources WHERE id = ?::uuid", resource)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM course_resources WHERE id = ?::uuid AND last_accessed_at IS NOT NULL",
                resource))
            .isEqualTo(1);
    }

    @Test
    void mediaOfAnotherCourseCannotBeTouchedThroughThisCourse() {
        JsonNode owner = createCourse("Owner");
        String ownerId = owner.path("id").asString();
        String video = addVideoId(ownerId, null);
        String resource = addResourceId(ownerId, lessonId(owner, 0, 0));
        String intruder = createCourse().path("id").asString();

        assertProblem(api.post("/api/courses/" + intruder + "/videos/" + video + "/views"), 404, "media-not-found");
        assertProblem(api.delete("/api/courses/" + intruder + "/videos/" + video), 404, "media-not-found");
        assertProblem(api.post("/api/courses/" + intruder + "/resources/" + resource + "/accesses"), 404,
                "media-not-found");
        assertProblem(api.delete("/api/courses/" + intruder + "/resources/" + resource), 404, "media-not-found");
        // A video id is not a resource id.
        assertProblem(api.delete("/api/courses/" + ownerId + "/resources/" + video), 404, "media-not-found");
        assertThat(count("SELECT access_count FROM course_videos WHERE id = ?::uuid", video)).isZero();
        assertThat(count("SELECT access_count FROM course_resources WHERE id = ?::uuid", resource)).isZero();
        assertThat(videoRows(ownerId)).isEqualTo(1);
        assertThat(resourceRows(ownerId)).isEqualTo(1);
    }

    @Test
    void deletesAVideoAndAResource() {
        JsonNode created = createCourse("Pruned");
        String id = created.path("id").asString();
        String video = addVideoId(id, lessonId(created, 0, 0));
        String keptVideo = addVideoId(id, null);
        String resource = addResourceId(id, lessonId(created, 0, 0));

        assertThat(api.delete("/api/courses/" + id + "/videos/" + video).status()).isEqualTo(204);
        assertThat(api.delete("/api/courses/" + id + "/resources/" + resource).status()).isEqualTo(204);

        assertThat(count("SELECT count(*) FROM course_videos WHERE id = ?::uuid", video)).isZero();
        assertThat(resourceRows(id)).isZero();
        assertThat(ids(course(id).path("videos"))).containsExactly(keptVideo);
        assertThat(course(id).path("sections").get(0).path("lessons").get(0).path("videos")).isEmpty();
        assertProblem(api.delete("/api/courses/" + id + "/videos/" + video), 404, "media-not-found");
        assertProblem(api.delete("/api/courses/" + id + "/resources/" + resource), 404, "media-not-found");
    }

    @Test
    void unknownOrMalformedMediaIdsAreClearProblems() {
        String id = createCourse().path("id").asString();
        String unknownCourse = new ObjectId().toHexString();
        String unknownMedia = UUID.randomUUID().toString();

        assertProblem(api.post("/api/courses/" + id + "/videos/" + unknownMedia + "/views"), 404, "media-not-found");
        assertProblem(api.post("/api/courses/" + id + "/resources/" + unknownMedia + "/accesses"), 404,
                "media-not-found");
        assertProblem(api.delete("/api/courses/" + unknownCourse + "/videos/" + unknownMedia), 404, "course-not-found");
        assertProblem(api.post("/api/courses/" + unknownCourse + "/videos/" + unknownMedia + "/views"), 404,
                "course-not-found");
        assertProblem(api.malformed().delete("/api/courses/" + id + "/videos/not-a-uuid"), 400, "malformed-id");
        assertProblem(api.malformed().post("/api/courses/" + id + "/resources/123/accesses"), 400, "malformed-id");
    }

    @Test
    void invalidMediaRequestsListTheirFields() {
        JsonNode created = createCourse("Checked");
        String id = created.path("id").asString();
        String lesson = lessonId(created, 0, 0);

        Response video = api.malformed()
            .post("/api/courses/" + id + "/videos",
                    Map.of("videoUrl", "https://youtu.be/x", "duration", -3, "lessonId", "lesson-1"));
        assertProblem(video, 400, "validation-failed");
        assertThat(errorFields(video)).containsExactly("duration", "lessonId", "title", "videoType");
        Response resource = api.malformed()
            .post("/api/courses/" + id + "/lessons/" + lesson + "/resources",
                    Map.of("resourceUrl", "https://cdn.example.com/x.pdf", "fileSize", -1));
        assertProblem(resource, 400, "validation-failed");
        assertThat(errorFields(resource)).containsExactly("fileSize", "resourceName", "resourceType");
        assertProblem(
                api.malformed()
                    .post("/api/courses/" + id + "/videos",
                            Map.of("videoType", "DVD", "videoUrl", "https://youtu.be/x", "title", "t")),
                400, "malformed-body");
        // JSON only for now: file uploads will come as multipart on the same paths.
        assertProblem(api.malformed().raw("POST", "/api/courses/" + id + "/videos", "text/plain", "hello"), 415,
                "unsupported-media-type");
        assertThat(videoRows(id) + resourceRows(id)).isZero();
    }

    @Test
    void coursesAndLessonsAreOwnersForAnyMedia() {
        JsonNode created = createCourse("Owner");
        String id = created.path("id").asString();
        String lesson = lessonId(created, 0, 0);

        Response forLesson = api.post("/api/media", Map.of("referenceType", "LESSON", "referenceId", lesson,
                "mediaType", "AUDIO", "mediaUrl", "https://cdn.example.com/podcast.mp3"));
        Response forCourse = api.post("/api/media", Map.of("referenceType", "COURSE", "referenceId", id, "mediaType",
                "IMAGE", "mediaUrl", "https://cdn.example.com/cover.png"));

        assertThat(forLesson.status()).as(forLesson.toString()).isEqualTo(201);
        assertThat(forCourse.status()).as(forCourse.toString()).isEqualTo(201);
        assertProblem(api.post("/api/media", Map.of("referenceType", "LESSON", "referenceId",
                new ObjectId().toHexString(), "mediaType", "AUDIO", "mediaUrl", "https://cdn.example.com/x.mp3")), 404,
                "lesson-not-found");
        assertProblem(api.post("/api/media", Map.of("referenceType", "LESSON", "referenceId", id, "mediaType", "AUDIO",
                "mediaUrl", "https://cdn.example.com/x.mp3")), 404, "lesson-not-found");
        assertProblem(api.post("/api/media", Map.of("referenceType", "COURSE", "referenceId", lesson, "mediaType",
                "AUDIO", "mediaUrl", "https://cdn.example.com/x.mp3")), 404, "course-not-found");
        assertThat(count("SELECT count(*) FROM media_storage WHERE reference_id IN (?, ?)", id, lesson)).isEqualTo(2);
    }

}
