package dev.dualdb.user.web;

import java.net.URI;
import java.util.List;

import dev.dualdb.system.ObjectIdParser;
import dev.dualdb.user.Enrollment;
import dev.dualdb.user.EnrollmentService;
import jakarta.validation.Valid;
import org.bson.types.ObjectId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Enrolment routes, under the course they belong to. */
@RestController
@RequestMapping("/api/courses/{courseId}/enrollments")
class EnrollmentController {

    private final EnrollmentService enrollments;

    EnrollmentController(EnrollmentService enrollments) {
        this.enrollments = enrollments;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Enrollment> enroll(@PathVariable ObjectId courseId, @Valid @RequestBody EnrollRequest request) {
        Enrollment enrollment = enrollments.enroll(courseId, ObjectIdParser.parse(request.userId()));
        return ResponseEntity
            .created(URI.create("/api/courses/" + courseId.toHexString() + "/enrollments/" + enrollment.id()))
            .body(enrollment);
    }

    @GetMapping("/{enrollmentId}")
    Enrollment get(@PathVariable ObjectId courseId, @PathVariable ObjectId enrollmentId) {
        return enrollments.get(courseId, enrollmentId);
    }

    @GetMapping
    List<Enrollment> list(@PathVariable ObjectId courseId) {
        return enrollments.ofCourse(courseId);
    }

}
