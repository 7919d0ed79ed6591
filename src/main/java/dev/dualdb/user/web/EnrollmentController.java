package dev.dualdb.user.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.bson.types.ObjectId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.dualdb.security.Caller;
import dev.dualdb.system.ObjectIdParser;
import dev.dualdb.user.Enrollment;
import dev.dualdb.user.EnrollmentService;

/** Enrolment routes, under the course they belong to. */
@RestController
@RequestMapping("/api/courses/{courseId}/enrollments")
@Tag(name = "enrollments")
class EnrollmentController {

    private final EnrollmentService enrollments;

    EnrollmentController(EnrollmentService enrollments) {
        this.enrollments = enrollments;
    }

    @Operation(operationId = "enrollInCourse", summary = "Enrol a user in a course")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "402", description = "`payment-required`: a student enrols themselves in a paid course")
    @ApiResponse(responseCode = "403",
            description = "`forbidden`: only the course's instructor or an admin enrols another user")
    @ApiResponse(responseCode = "404", description = "`course-not-found`, `user-not-found`")
    @ApiResponse(responseCode = "409", description = "`duplicate-enrollment`: the user is already enrolled")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Enrollment> enroll(@PathVariable ObjectId courseId, @Valid @RequestBody EnrollRequest request) {
        Enrollment enrollment = this.enrollments.enroll(courseId, ObjectIdParser.parse(request.userId()),
                Caller.current());
        return ResponseEntity
            .created(URI.create("/api/courses/" + courseId.toHexString() + "/enrollments/" + enrollment.id()))
            .body(enrollment);
    }

    @Operation(operationId = "getEnrollment", summary = "Get one enrolment in a course")
    @ApiResponse(responseCode = "200", description = "The enrolment", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "`enrollment-not-found`")
    @GetMapping("/{enrollmentId}")
    Enrollment get(@PathVariable ObjectId courseId, @PathVariable ObjectId enrollmentId) {
        return this.enrollments.get(courseId, enrollmentId, Caller.current());
    }

    @Operation(operationId = "listCourseEnrollments", summary = "List the enrolments in a course")
    @ApiResponse(responseCode = "200", description = "The enrolments in the course", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = "`forbidden`: only the course's instructor or an admin")
    @ApiResponse(responseCode = "404", description = "`course-not-found`")
    @GetMapping
    List<Enrollment> list(@PathVariable ObjectId courseId) {
        return this.enrollments.ofCourse(courseId, Caller.current());
    }

}
