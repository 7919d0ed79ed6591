package dev.dualdb.access;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.dualdb.support.ApiClient;
import dev.dualdb.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The objects one access case works on, created through the API: a product with a
 * recorded image; a free course of {@link Cast#instructor()} with a section of two
 * lessons, a video that is not a preview and a resource on the first lesson, and the
 * enrolment of {@link Cast#enrolled()}; a media record against the student.
 *
 * @param productId the product
 * @param imageId its image
 * @param courseId the course
 * @param sectionId its section
 * @param lessonId the first lesson
 * @param secondLessonId the second lesson
 * @param videoId the video of the first lesson (not a preview)
 * @param resourceId the resource of the first lesson
 * @param enrollmentId the enrolment of the enrolled student
 * @param mediaId a media record against the student
 */
record World(String productId, String imageId, String courseId, String sectionId, String lessonId,
        String secondLessonId, String videoId, String resourceId, String enrollmentId, String mediaId) {

    static World create(Cast cast) {
        return create(cast, cast.instructor(), cast.enrolled());
    }

    /**
     * A world whose course {@code teacher} teaches and {@code learner} is enrolled in.
     * @param cast the callers
     * @param teacher the instructor who creates the course
     * @param learner the student enrolled in it
     * @return the world
     */
    static World create(Cast cast, TestUsers.LoggedIn teacher, TestUsers.LoggedIn learner) {
        ApiClient admin = cast.admin();
        ApiClient.Response product = admin.post("/api/products",
                Map.of("name", "Access product", "price", new BigDecimal("9.90"), "sku", Cast.unique("ACC"), "images",
                        List.of(Map.of("imageUrl", "https://cdn.example.com/access.png"))));
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        ApiClient.Response course = teacher.client()
            .post("/api/courses", Map.of("title", Cast.unique("Access course"), "published", true, "sections",
                    List.of(Map.of("title", "S", "lessons", List.of(Map.of("title", "L1"), Map.of("title", "L2"))))));
        assertThat(course.status()).as(course.toString()).isEqualTo(201);
        String courseId = course.json().path("id").asString();
        JsonNode section = course.json().path("sections").get(0);
        String lessonId = section.path("lessons").get(0).path("id").asString();
        String course1 = "/api/courses/" + courseId;
        ApiClient.Response video = admin.post(course1 + "/videos",
                Map.of("videoType", "YOUTUBE", "videoUrl", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title",
                        "Lesson video", "lessonId", lessonId, "isPreview", false));
        assertThat(video.status()).as(video.toString()).isEqualTo(201);
        ApiClient.Response resource = admin.post(course1 + "/lessons/" + lessonId + "/resources", Map.of("resourceName",
                "Slides", "resourceType", "PDF", "resourceUrl", "https://cdn.example.com/slides.pdf"));
        assertThat(resource.status()).as(resource.toString()).isEqualTo(201);
        ApiClient.Response enrollment = admin.post(course1 + "/enrollments", Map.of("userId", learner.id()));
        assertThat(enrollment.status()).as(enrollment.toString()).isEqualTo(201);
        ApiClient.Response media = admin.post("/api/media", Map.of("referenceType", "USER", "referenceId",
                cast.student().id(), "mediaType", "IMAGE", "mediaUrl", "https://cdn.example.com/avatar.png"));
        assertThat(media.status()).as(media.toString()).isEqualTo(201);
        return new World(product.json().path("id").asString(),
                product.json().path("images").get(0).path("id").asString(), courseId, section.path("id").asString(),
                lessonId, section.path("lessons").get(1).path("id").asString(), video.json().path("id").asString(),
                resource.json().path("id").asString(), enrollment.json().path("id").asString(),
                media.json().path("id").asString());
    }

    String course() {
        return "/api/courses/" + this.courseId;
    }

    String product() {
        return "/api/products/" + this.productId;
    }

}
