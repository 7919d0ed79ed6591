package dev.dualdb.access;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.dualdb.access.AccessCase.Request;
import dev.dualdb.support.Multipart;

/**
 * The rule table of issue 8 as data: for every operation of the API (by
 * {@code operationId}) who may call it. The media operations are in
 * {@link MediaRouteTable}. An operation of the OpenAPI document without a row fails
 * {@link AuthorizationMatrixTests}, so a new route cannot ship without a rule.
 */
final class RouteTable {

    /**
     * Bytes that are no image, video or document: a multipart upload of them is refused.
     */
    static final byte[] NOT_MEDIA = "plain words, not media".getBytes(StandardCharsets.UTF_8);

    private RouteTable() {
    }

    static Map<String, List<AccessCase>> rows(Login login) {
        Map<String, List<AccessCase>> rows = new LinkedHashMap<>();
        // Infrastructure and the issuer.
        rows.put("getHealth",
                List.of(AccessCase.read(AccessCase.EVERYONE, (w, c) -> Request.of("GET", "/actuator/health"))));
        rows.put("getSigningKeys",
                List.of(AccessCase.read(AccessCase.EVERYONE, (w, c) -> Request.of("GET", "/.well-known/jwks.json"))));
        rows.put("login", List.of(AccessCase.write(AccessCase.EVERYONE, (w, c) -> Request.of("POST", "/api/auth/login",
                Map.of("email", login.email(), "password", Login.PASSWORD)))));
        rows.put("refreshTokens", List.of(AccessCase.write(AccessCase.EVERYONE,
                (w, c) -> Request.of("POST", "/api/auth/refresh", Map.of("refreshToken", login.refreshToken())))));
        rows.put("logout", List.of(AccessCase.write(AccessCase.EVERYONE,
                (w, c) -> Request.of("POST", "/api/auth/logout", Map.of("refreshToken", login.refreshToken())))));
        // Minimal: a new password too short, so nobody's password changes.
        rows.put("changePassword", List.of(AccessCase.write(AccessCase.SIGNED_IN, (w, c) -> Request.minimal("PUT",
                "/api/auth/password", Map.of("currentPassword", "not the password", "newPassword", "short")))));
        rows.put("register", List
            .of(AccessCase.write(AccessCase.EVERYONE, (w, c) -> Request.of("POST", "/api/auth/register",
                    Map.of("email", Cast.unique("reg") + "@example.com", "name", "New", "password", Login.PASSWORD)))));
        // Users and enrolments: a user's own, or another's.
        rows.put("createUser", List.of(AccessCase.write(AccessCase.ADMIN, (w, c) -> Request.of("POST", "/api/users",
                Map.of("email", Cast.unique("new") + "@example.com", "name", "New", "roles", List.of("STUDENT"))))));
        rows.put("getUser", own("/api/users/%s"));
        rows.put("listUserEnrollments", own("/api/users/%s/enrollments"));
        rows.put("enrollInCourse", List.of(
                // Enrol oneself in a free course (the enrolled student gets 409, already
                // enrolled).
                AccessCase
                    .write(AccessCase.SIGNED_IN,
                            (w, c) -> Request.of("POST", w.course() + "/enrollments", Map.of("userId", c.self())))
                    .labelled("self"),
                AccessCase
                    .write(AccessCase.EDITORS, (w, c) -> Request.of("POST", w.course() + "/enrollments",
                            Map.of("userId", c.cast().bystander().id())))
                    .labelled("another user")));
        rows.put("getEnrollment", List.of(AccessCase.read(AccessCase.LEARNERS,
                (w, c) -> Request.of("GET", w.course() + "/enrollments/" + w.enrollmentId()))));
        rows.put("listCourseEnrollments",
                List.of(AccessCase.read(AccessCase.EDITORS, (w, c) -> Request.of("GET", w.course() + "/enrollments"))));
        // Products and their images.
        rows.put("listProducts",
                List.of(AccessCase.read(AccessCase.EVERYONE, (w, c) -> Request.of("GET", "/api/products"))));
        rows.put("getProduct", List.of(AccessCase.read(AccessCase.EVERYONE, (w, c) -> Request.of("GET", w.product()))));
        rows.put(
                "createProduct", List.of(
                        AccessCase
                            .write(AccessCase.ADMIN,
                                    (w, c) -> Request.of("POST", "/api/products",
                                            Map.of("name", "P", "price", 1, "sku", Cast.unique("SKU"))))
                            .labelled("json"),
                        AccessCase
                            .write(AccessCase.ADMIN,
                                    (w, c) -> Request.of("POST", "/api/products",
                                            new Multipart()
                                                .field("product",
                                                        "{\"name\":\"P\",\"price\":1,\"sku\":\"" + Cast.unique("SKU")
                                                                + "\"}")
                                                .file("files", "a.png", "image/png", NOT_MEDIA)))
                            .labelled("multipart")));
        rows.put("updateProduct", List.of(AccessCase.write(AccessCase.ADMIN,
                (w, c) -> Request.of("PATCH", w.product(), Map.of("name", "Renamed")))));
        rows.put("deleteProduct",
                List.of(AccessCase.write(AccessCase.ADMIN, (w, c) -> Request.of("DELETE", w.product()))));
        rows.put(
                "addProductImages", List.of(
                        AccessCase
                            .write(AccessCase.ADMIN,
                                    (w, c) -> Request.of("POST", w.product() + "/images",
                                            Map.of("images",
                                                    List.of(Map.of("imageUrl", "https://cdn.example.com/b.png")))))
                            .labelled("json"),
                        AccessCase
                            .write(AccessCase.ADMIN,
                                    (w, c) -> Request.of("POST", w.product() + "/images",
                                            new Multipart().file("files", "b.png", "image/png", NOT_MEDIA)))
                            .labelled("multipart")));
        rows.put("updateProductImage", List.of(AccessCase.write(AccessCase.ADMIN,
                (w, c) -> Request.of("PATCH", w.product() + "/images/" + w.imageId(), Map.of("altText", "Alt")))));
        rows.put("deleteProductImage", List.of(AccessCase.write(AccessCase.ADMIN,
                (w, c) -> Request.of("DELETE", w.product() + "/images/" + w.imageId()))));
        // Courses, their curriculum and media.
        rows.put("listCourses",
                List.of(AccessCase.read(AccessCase.EVERYONE, (w, c) -> Request.of("GET", "/api/courses"))));
        rows.put("getCourse", List.of(AccessCase.read(AccessCase.EVERYONE, (w, c) -> Request.of("GET", w.course()))));
        rows.put("createCourse", List.of(AccessCase.write(AccessCase.INSTRUCTORS,
                (w, c) -> Request.of("POST", "/api/courses", Map.of("title", "New course")))));
        rows.put("updateCourse", List.of(AccessCase.write(AccessCase.EDITORS,
                (w, c) -> Request.of("PATCH", w.course(), Map.of("title", "Renamed")))));
        rows.put("deleteCourse",
                List.of(AccessCase.write(AccessCase.EDITORS, (w, c) -> Request.of("DELETE", w.course()))));
        rows.put("addSection", List.of(AccessCase.write(AccessCase.EDITORS,
                (w, c) -> Request.of("POST", w.course() + "/sections", Map.of("title", "S2")))));
        rows.put("renameSection", List.of(AccessCase.write(AccessCase.EDITORS,
                (w, c) -> Request.of("PATCH", w.course() + "/sections/" + w.sectionId(), Map.of("title", "S1")))));
        rows.put("reorderSections", List.of(AccessCase.write(AccessCase.EDITORS, (w, c) -> Request.of("PUT",
                w.course() + "/sections/order", Map.of("sectionIds", List.of(w.sectionId()))))));
        rows.put("deleteSection", List.of(AccessCase.write(AccessCase.EDITORS,
                (w, c) -> Request.of("DELETE", w.course() + "/sections/" + w.sectionId()))));
        rows.put("addLesson", List.of(AccessCase.write(AccessCase.EDITORS, (w, c) -> Request.of("POST",
                w.course() + "/sections/" + w.sectionId() + "/lessons", Map.of("title", "L3")))));
        rows.put("reorderLessons",
                List.of(AccessCase.write(AccessCase.EDITORS,
                        (w, c) -> Request.of("PUT", w.course() + "/sections/" + w.sectionId() + "/lessons/order",
                                Map.of("lessonIds", List.of(w.secondLessonId(), w.lessonId()))))));
        rows.put("updateLesson", List.of(AccessCase.write(AccessCase.EDITORS,
                (w, c) -> Request.of("PATCH", w.course() + "/lessons/" + w.lessonId(), Map.of("title", "L1b")))));
        rows.put("deleteLesson", List.of(AccessCase.write(AccessCase.EDITORS,
                (w, c) -> Request.of("DELETE", w.course() + "/lessons/" + w.lessonId()))));
        rows.put(
                "addCourseVideo", List.of(
                        AccessCase.write(AccessCase.EDITORS,
                                (w, c) -> Request.of("POST", w.course() + "/videos",
                                        Map.of("videoType", "VIMEO", "videoUrl", "https://vimeo.com/76979871", "title",
                                                "V")))
                            .labelled("json"),
                        AccessCase
                            .write(AccessCase.EDITORS,
                                    (w, c) -> Request.of("POST", w.course() + "/videos",
                                            new Multipart().field("title", "V")
                                                .file("file", "v.mp4", "video/mp4", NOT_MEDIA)))
                            .labelled("multipart")));
        rows.put("deleteCourseVideo", List.of(AccessCase.write(AccessCase.EDITORS,
                (w, c) -> Request.of("DELETE", w.course() + "/videos/" + w.videoId()))));
        rows.put("countVideoView", List.of(AccessCase.read(AccessCase.LEARNERS,
                (w, c) -> Request.of("POST", w.course() + "/videos/" + w.videoId() + "/views"))));
        rows.put("addLessonResource", List.of(
                AccessCase.write(AccessCase.EDITORS,
                        (w, c) -> Request.of("POST", w.course() + "/lessons/" + w.lessonId() + "/resources",
                                Map.of("resourceName", "Notes", "resourceType", "DOCUMENT", "resourceUrl",
                                        "https://cdn.example.com/notes.docx")))
                    .labelled("json"),
                AccessCase
                    .write(AccessCase.EDITORS,
                            (w, c) -> Request.of("POST", w.course() + "/lessons/" + w.lessonId() + "/resources",
                                    new Multipart().file("file", "notes.txt", "text/plain", NOT_MEDIA)))
                    .labelled("multipart")));
        rows.put("deleteCourseResource", List.of(AccessCase.write(AccessCase.EDITORS,
                (w, c) -> Request.of("DELETE", w.course() + "/resources/" + w.resourceId()))));
        rows.put("countResourceAccess", List.of(AccessCase.read(AccessCase.LEARNERS,
                (w, c) -> Request.of("POST", w.course() + "/resources/" + w.resourceId() + "/accesses"))));
        // Admin routes. A dry run repairs nothing another test relies on.
        rows.put("runReconciliation", List.of(AccessCase.write(AccessCase.ADMIN,
                (w, c) -> Request.of("POST", "/api/admin/reconciliation?dryRun=true"))));
        rows.put("getReconciliationReport",
                List.of(AccessCase.read(AccessCase.ADMIN, (w, c) -> Request.of("GET", "/api/admin/reconciliation"))));
        rows.put("getAuditEvents", List
            .of(AccessCase.read(AccessCase.ADMIN, (w, c) -> Request.of("GET", "/api/admin/audit?page=0&size=5"))));
        rows.putAll(MediaRouteTable.rows());
        return rows;
    }

    /**
     * A user's own thing (allowed to every signed-in caller) and another's (admins only).
     */
    private static List<AccessCase> own(String path) {
        return List.of(
                AccessCase.read(AccessCase.SIGNED_IN, (w, c) -> Request.of("GET", path.formatted(c.self())))
                    .labelled("own"),
                AccessCase
                    .read(AccessCase.ADMIN, (w, c) -> Request.of("GET", path.formatted(c.cast().bystander().id())))
                    .labelled("another user's"));
    }

    /**
     * A user the matrix logs in as (any caller may log in as anyone whose password they
     * know).
     */
    interface Login {

        String PASSWORD = "matrix password 1";

        String email();

        /** A refresh token of a new login. */
        String refreshToken();

    }

}
