package dev.dualdb.course.web;

import java.net.URI;
import java.util.List;

import dev.dualdb.course.Course;
import dev.dualdb.course.CourseService;
import dev.dualdb.course.CourseWithMedia;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bson.types.ObjectId;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Course routes: the course document (MongoDB) with its sections, lessons, videos and
 * resources (PostgreSQL). The page parameters are checked by Spring MVC's own method
 * validation (no {@code @Validated} proxy), so an error names the parameter
 * ({@code size}), not the Java method ({@code list.size}).
 */
@RestController
@RequestMapping("/api/courses")
class CourseController {

    private final CourseService courses;

    CourseController(CourseService courses) {
        this.courses = courses;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CourseResponse> create(@Valid @RequestBody CreateCourseRequest request) {
        Course created = courses.create(request.toNewCourse());
        return ResponseEntity.created(URI.create("/api/courses/" + created.id()))
            .body(CourseResponse.of(new CourseWithMedia(created, List.of(), List.of(), true)));
    }

    @GetMapping("/{id}")
    CourseResponse get(@PathVariable ObjectId id) {
        return CourseResponse.of(courses.get(id));
    }

    @GetMapping
    CoursePageResponse list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return CoursePageResponse.of(courses.list(page, size));
    }

    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CourseResponse update(@PathVariable ObjectId id, @Valid @RequestBody UpdateCourseRequest request) {
        courses.update(id, request.toChanges());
        return CourseResponse.of(courses.get(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable ObjectId id) {
        courses.delete(id);
        return ResponseEntity.noContent().build();
    }

}
