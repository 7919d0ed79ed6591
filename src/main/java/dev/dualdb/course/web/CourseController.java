package dev.dualdb.course.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bson.types.ObjectId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.dualdb.course.Course;
import dev.dualdb.course.CourseService;
import dev.dualdb.course.CourseWithMedia;
import dev.dualdb.course.NewCourse;
import dev.dualdb.course.internal.CourseAccess;
import dev.dualdb.media.MediaLinks;
import dev.dualdb.security.Caller;

/**
 * Course routes: the course document (MongoDB) with its sections, lessons, videos and
 * resources (PostgreSQL). The page parameters are checked by Spring MVC's own method
 * validation (no {@code @Validated} proxy), so an error names the parameter
 * ({@code size}), not the Java method ({@code list.size}).
 */
@RestController
@RequestMapping("/api/courses")
@Tag(name = "courses")
class CourseController {

    private final CourseService courses;

    private final CourseAccess access;

    private final MediaLinks links;

    CourseController(CourseService courses, CourseAccess access, MediaLinks links) {
        this.courses = courses;
        this.access = access;
        this.links = links;
    }

    @Operation(operationId = "createCourse", summary = "Create a course, optionally with sections and lessons",
            description = "Every section and lesson gets an id that stays the same through renames, reorders and "
                    + "moves.")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "400",
            description = "`curriculum-too-large`: too many sections or lessons, or a "
                    + "course document over its size limit")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CourseResponse> create(@Valid @RequestBody CreateCourseRequest request) {
        Caller caller = Caller.current();
        NewCourse course = request.toNewCourse();
        if (!caller.isAdmin()) {
            // An instructor creates courses they teach; only an admin names someone else.
            course = course.taughtBy(caller.userId());
        }
        Course created = this.courses.create(course);
        return ResponseEntity.created(URI.create("/api/courses/" + created.id()))
            .body(CourseResponse.of(new CourseWithMedia(created, List.of(), List.of(), true)));
    }

    @Operation(operationId = "getCourse", summary = "Get a course with its sections, lessons, videos and resources",
            description = "Each lesson carries its own videos and resources; `videos` at the top are the course's "
                    + "own. When PostgreSQL cannot be asked, `mediaAvailable` is false and every media list empty.")
    @ApiResponse(responseCode = "200", description = "The course with all its media", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "`course-not-found`")
    @GetMapping("/{id}")
    CourseResponse get(@PathVariable ObjectId id) {
        return CourseResponse.of(visible(id));
    }

    private CourseWithMedia visible(ObjectId id) {
        CourseWithMedia course = this.courses.get(id);
        // Those who may learn get the private media, with signed URLs of its bytes.
        return this.access.mayLearn(id, Caller.current())
                ? course.mapMedia(this.links::forViewer, this.links::forViewer) : course.withoutPrivateMedia();
    }

    @Operation(operationId = "listCourses", summary = "List courses, newest first",
            description = "Each course with the size of its outline; the outline and media come with the course.")
    @GetMapping
    CoursePageResponse list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return CoursePageResponse.of(this.courses.list(page, size));
    }

    @Operation(operationId = "updateCourse", summary = "Change some fields of a course",
            description = "Only the fields given change; sections and lessons have their own operations.")
    @ApiResponse(responseCode = "200", description = "The course as it is now, with all its media",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "`course-not-found`")
    @ApiResponse(responseCode = "403",
            description = "`forbidden`: not the course's instructor; `instructor-change-refused`: only an admin "
                    + "gives a course to another instructor")
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CourseResponse update(@PathVariable ObjectId id, @Valid @RequestBody UpdateCourseRequest request) {
        Caller caller = Caller.current();
        if (!caller.isAdmin() && request.instructorId() != null && !caller.is(request.instructorId())) {
            throw new InstructorChangeRefused();
        }
        this.courses.update(id, request.toChanges());
        return CourseResponse.of(visible(id));
    }

    @Operation(operationId = "deleteCourse", summary = "Delete a course with its videos and resources",
            description = "The document goes first; the media rows of the course and its lessons follow (or are "
                    + "removed by the reconciler if PostgreSQL is away).")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "404", description = "`course-not-found`")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable ObjectId id) {
        this.courses.delete(id);
        return ResponseEntity.noContent().build();
    }

}
