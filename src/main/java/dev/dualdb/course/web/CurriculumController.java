package dev.dualdb.course.web;

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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.dualdb.course.CurriculumService;
import dev.dualdb.course.Lesson;
import dev.dualdb.course.Section;

/**
 * Routes for the sections and lessons of one course; ids stay the same through renames,
 * reorders and moves.
 */
@RestController
@RequestMapping("/api/courses/{id}")
@Tag(name = "curriculum")
class CurriculumController {

    /**
     * A section id in a path: anything but the literal {@code order}, so that
     * {@code /sections/order} is only the reorder route (other methods there are 405)
     * while a malformed id is still a 400 {@code malformed-id}.
     */
    private static final String SECTION = "/sections/{sectionId:(?!order$).+}";

    private final CurriculumService curriculum;

    CurriculumController(CurriculumService curriculum) {
        this.curriculum = curriculum;
    }

    @Operation(operationId = "addSection", summary = "Add a section, optionally with lessons, at the end")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "400", description = "`curriculum-too-large`: too many sections or lessons")
    @ApiResponse(responseCode = "404", description = "`course-not-found`")
    @ApiResponse(responseCode = "409",
            description = "`course-edit-conflict`: the course kept changing under " + "concurrent edits; retry")
    @PostMapping(path = "/sections", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Section> addSection(@PathVariable ObjectId id, @Valid @RequestBody SectionRequest request) {
        Section added = this.curriculum.addSection(id, request.toNewSection());
        return ResponseEntity.created(URI.create("/api/courses/" + id.toHexString())).body(added);
    }

    @Operation(operationId = "renameSection", summary = "Rename a section")
    @ApiResponse(responseCode = "200", description = "The section", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "`course-not-found`, `section-not-found`")
    @ApiResponse(responseCode = "409",
            description = "`course-edit-conflict`: the course kept changing under " + "concurrent edits; retry")
    @PatchMapping(path = SECTION, consumes = MediaType.APPLICATION_JSON_VALUE)
    Section renameSection(@PathVariable ObjectId id, @PathVariable ObjectId sectionId,
            @Valid @RequestBody RenameSectionRequest request) {
        return this.curriculum.renameSection(id, sectionId, request.title().strip());
    }

    @Operation(operationId = "reorderSections", summary = "Put the sections in a new order",
            description = "Every section id of the course, each once, in the new order.")
    @ApiResponse(responseCode = "200", description = "The sections in their new order", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "`invalid-order`: not every section exactly once")
    @ApiResponse(responseCode = "404", description = "`course-not-found`")
    @ApiResponse(responseCode = "409",
            description = "`course-edit-conflict`: the course kept changing under " + "concurrent edits; retry")
    @PutMapping(path = "/sections/order", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<Section> reorderSections(@PathVariable ObjectId id, @Valid @RequestBody SectionOrderRequest request) {
        return this.curriculum.reorderSections(id, request.sectionIds());
    }

    @Operation(operationId = "deleteSection", summary = "Delete a section with its lessons")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "404", description = "`course-not-found`, `section-not-found`")
    @ApiResponse(responseCode = "409",
            description = "`course-edit-conflict`: the course kept changing under " + "concurrent edits; retry")
    @DeleteMapping(SECTION)
    ResponseEntity<Void> deleteSection(@PathVariable ObjectId id, @PathVariable ObjectId sectionId) {
        this.curriculum.deleteSection(id, sectionId);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "addLesson", summary = "Add a lesson at the end of a section")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "400", description = "`curriculum-too-large`: too many lessons in the section")
    @ApiResponse(responseCode = "404", description = "`course-not-found`, `section-not-found`")
    @ApiResponse(responseCode = "409",
            description = "`course-edit-conflict`: the course kept changing under " + "concurrent edits; retry")
    @PostMapping(path = "/sections/{sectionId}/lessons", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Lesson> addLesson(@PathVariable ObjectId id, @PathVariable ObjectId sectionId,
            @Valid @RequestBody LessonRequest request) {
        Lesson added = this.curriculum.addLesson(id, sectionId, request.toNewLesson());
        return ResponseEntity.created(URI.create("/api/courses/" + id.toHexString())).body(added);
    }

    @Operation(operationId = "reorderLessons", summary = "Put the lessons of a section in a new order",
            description = "Every lesson id of the section, each once, in the new order.")
    @ApiResponse(responseCode = "200", description = "The section with its lessons in their new order",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "`invalid-order`: not every lesson of the section exactly once")
    @ApiResponse(responseCode = "404", description = "`course-not-found`, `section-not-found`")
    @ApiResponse(responseCode = "409",
            description = "`course-edit-conflict`: the course kept changing under " + "concurrent edits; retry")
    @PutMapping(path = "/sections/{sectionId}/lessons/order", consumes = MediaType.APPLICATION_JSON_VALUE)
    Section reorderLessons(@PathVariable ObjectId id, @PathVariable ObjectId sectionId,
            @Valid @RequestBody LessonOrderRequest request) {
        return this.curriculum.reorderLessons(id, sectionId, request.lessonIds());
    }

    @Operation(operationId = "updateLesson", summary = "Change a lesson, or move it to another section",
            description = "Only the fields given change; a `sectionId` other than the lesson's own moves it to the "
                    + "end of that section.")
    @ApiResponse(responseCode = "200", description = "The lesson as it is now", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", description = "`curriculum-too-large`: too many lessons in the target section")
    @ApiResponse(responseCode = "404", description = "`course-not-found`, `lesson-not-found`, `section-not-found`")
    @ApiResponse(responseCode = "409",
            description = "`course-edit-conflict`: the course kept changing under " + "concurrent edits; retry")
    @PatchMapping(path = "/lessons/{lessonId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Lesson updateLesson(@PathVariable ObjectId id, @PathVariable ObjectId lessonId,
            @Valid @RequestBody UpdateLessonRequest request) {
        return this.curriculum.updateLesson(id, lessonId, request.toChanges());
    }

    @Operation(operationId = "deleteLesson", summary = "Delete a lesson")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "404", description = "`course-not-found`, `lesson-not-found`")
    @ApiResponse(responseCode = "409",
            description = "`course-edit-conflict`: the course kept changing under " + "concurrent edits; retry")
    @DeleteMapping("/lessons/{lessonId}")
    ResponseEntity<Void> deleteLesson(@PathVariable ObjectId id, @PathVariable ObjectId lessonId) {
        this.curriculum.deleteLesson(id, lessonId);
        return ResponseEntity.noContent().build();
    }

}
