package dev.dualdb.access;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.dualdb.blob.StorageProperties;
import dev.dualdb.media.internal.AccessCounts;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Insecure direct object references: every route that names two ids (course and video,
 * resource, lesson, section or enrolment; product and image), called by someone who may
 * act on the first with the id of another's object as the second, answers 404 and changes
 * nothing in any store; the same request with their own ids works.
 */
class IdorTests extends ApiTest {

    @Autowired
    private StorageProperties storage;

    @Autowired
    private AccessCounts accessCounts;

    private Cast cast;

    private World mine;

    private World theirs;

    private StoreSnapshot stores;

    @BeforeEach
    void twoWorlds() {
        this.cast = Cast.create(api, (roles) -> logIn(roles));
        this.mine = World.create(this.cast);
        this.theirs = World.create(this.cast, this.cast.otherInstructor(), this.cast.bystander());
        this.stores = new StoreSnapshot(this.mongo, this.jdbc, this.storage.local().directory());
    }

    @Test
    void anInstructorReachesNoOtherCoursesObjectsThroughTheirOwnCourse() {
        ApiClient instructor = this.cast.instructor().client();
        String course = this.mine.course();
        assertNotFound(instructor, "PATCH", course + "/sections/" + this.theirs.sectionId(), Map.of("title", "X"));
        assertNotFound(instructor, "DELETE", course + "/sections/" + this.theirs.sectionId(), null);
        assertNotFound(instructor, "POST", course + "/sections/" + this.theirs.sectionId() + "/lessons",
                Map.of("title", "X"));
        assertNotFound(instructor, "PUT", course + "/sections/" + this.theirs.sectionId() + "/lessons/order",
                Map.of("lessonIds", List.of(this.theirs.secondLessonId(), this.theirs.lessonId())));
        assertNotFound(instructor, "PATCH", course + "/lessons/" + this.theirs.lessonId(), Map.of("title", "X"));
        assertNotFound(instructor, "DELETE", course + "/lessons/" + this.theirs.lessonId(), null);
        assertNotFound(instructor, "POST", course + "/lessons/" + this.theirs.lessonId() + "/resources",
                Map.of("resourceName", "X", "resourceType", "PDF", "resourceUrl", "https://cdn.example.com/x.pdf"));
        assertNotFound(instructor, "POST", course + "/videos", Map.of("videoType", "VIMEO", "videoUrl",
                "https://vimeo.com/76979871", "title", "X", "lessonId", this.theirs.lessonId()));
        assertNotFound(instructor, "DELETE", course + "/videos/" + this.theirs.videoId(), null);
        assertNotFound(instructor, "DELETE", course + "/resources/" + this.theirs.resourceId(), null);
        assertNotFound(instructor, "POST", course + "/videos/" + this.theirs.videoId() + "/views", null);
        assertNotFound(instructor, "POST", course + "/resources/" + this.theirs.resourceId() + "/accesses", null);
        assertNotFound(instructor, "GET", course + "/enrollments/" + this.theirs.enrollmentId(), null);

        // The same routes with the instructor's own ids work.
        assertThat(instructor.patch(course + "/lessons/" + this.mine.lessonId(), Map.of("title", "Mine")).status())
            .isEqualTo(200);
        assertThat(instructor.get(course + "/enrollments/" + this.mine.enrollmentId()).status()).isEqualTo(200);
        assertThat(instructor.delete(course + "/videos/" + this.mine.videoId()).status()).isEqualTo(204);
    }

    @Test
    void aStudentEnrolledInOneCourseCountsNoViewOfAnotherCoursesVideo() {
        ApiClient student = this.cast.enrolled().client();
        String course = this.mine.course();
        assertNotFound(student, "POST", course + "/videos/" + this.theirs.videoId() + "/views", null);
        assertNotFound(student, "POST", course + "/resources/" + this.theirs.resourceId() + "/accesses", null);
        assertNotFound(student, "GET", course + "/enrollments/" + this.theirs.enrollmentId(), null);
        assertThat(student.post(course + "/videos/" + this.mine.videoId() + "/views").status()).isEqualTo(200);
    }

    @Test
    void anotherUsersEnrolmentThroughAnyCourseIsNotFound() {
        // The enrolment of the bystander in their course, asked through the enrolled
        // student's course.
        TestUsers.LoggedIn enrolled = this.cast.enrolled();
        assertNotFound(enrolled.client(), "GET", this.mine.course() + "/enrollments/" + this.theirs.enrollmentId(),
                null);
        assertNotFound(enrolled.client(), "GET", this.theirs.course() + "/enrollments/" + this.theirs.enrollmentId(),
                null);
        assertNotFound(enrolled.client(), "GET", "/api/users/" + this.cast.bystander().id() + "/enrollments", null);
        assertNotFound(enrolled.client(), "GET", "/api/users/" + this.cast.bystander().id(), null);
        // Even an admin finds an enrolment only under its own course.
        assertNotFound(api, "GET", this.mine.course() + "/enrollments/" + this.theirs.enrollmentId(), null);
    }

    @Test
    void anImageOfAnotherProductIsNotFoundThroughThisOne() {
        String product = this.mine.product();
        assertNotFound(api, "PATCH", product + "/images/" + this.theirs.imageId(), Map.of("altText", "X"));
        assertNotFound(api, "DELETE", product + "/images/" + this.theirs.imageId(), null);
        assertThat(api.patch(product + "/images/" + this.mine.imageId(), Map.of("altText", "Mine")).status())
            .isEqualTo(200);
    }

    private void assertNotFound(ApiClient client, String method, String path, Object body) {
        this.accessCounts.flush();
        Map<String, Object> before = snapshot();
        AccessCase.Request request = (body != null) ? AccessCase.Request.of(method, path, body)
                : AccessCase.Request.of(method, path);
        ApiClient.Response response = request.send(client);
        this.accessCounts.flush();
        assertProblem(response, 404, response.json().path("code").asString());
        assertThat(response.json().path("code").asString()).as(response.toString()).endsWith("-not-found");
        assertThat(snapshot()).as(request + " changed the stores").isEqualTo(before);
    }

    private Map<String, Object> snapshot() {
        return this.stores.take("courses", this.mine.courseId(), "courses", this.theirs.courseId(), "products",
                this.mine.productId(), "products", this.theirs.productId(), "enrollments", this.mine.enrollmentId(),
                "enrollments", this.theirs.enrollmentId());
    }

}
