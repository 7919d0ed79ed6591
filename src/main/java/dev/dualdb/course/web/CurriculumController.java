package dev.dualdb.course.web;

import java.net.URI;
import java.util.List;

import dev.dualdb.course.CurriculumService;
import dev.dualdb.course.Lesson;
import dev.dualdb.course.Section;
import jakarta.validation.Valid;
import org.bson.types.ObjectId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routes for the sections and lessons of one course; ids stay the same through renames,
 * reorders and moves.
 */
@RestController
@RequestMapping("/api/courses/{id}")
class CurriculumController {

    private final CurriculumService curriculum;

    CurriculumController(CurriculumService curriculum) {
        this.curriculum = curriculum;
    }

    @PostMapping(path = "/sections", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Section> addSection(@PathVariable ObjectId id, @Valid @RequestBody SectionRequest request) {
        Section added = curriculum.addSection(id, request.toNewSection());
        return ResponseEntity.created(URI.create("/api/courses/" + id.toHexString())).body(added);
    }

    @PatchMapping(path = "/sections/{sectionId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Section renameSection(@PathVariable ObjectId id, @PathVariable ObjectId sectionId,
            @Valid @RequestBody RenameSectionRequest request) {
        return curriculum.renameSection(id, sectionId, request.title().strip());
    }

    @PutMapping(path = "/sections/order", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<Section> reorderSections(@PathVariable ObjectId id, @Valid @RequestBody SectionOrderRequest request) {
        return curriculum.reorderSections(id, request.sectionIds());
    }

    @DeleteMapping("/sections/{sectionId}")
    ResponseEntity<Void> deleteSection(@PathVariable ObjectId id, @PathVariable ObjectId sectionId) {
        curriculum.deleteSection(id, sectionId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/sections/{sectionId}/lessons", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Lesson> addLesson(@PathVariable ObjectId id, @PathVariable ObjectId sectionId,
            @Valid @RequestBody LessonRequest request) {
        Lesson added = curriculum.addLesson(id, sectionId, request.toNewLesson());
        return ResponseEntity.created(URI.create("/api/courses/" + id.toHexString())).body(added);
    }

    @PutMapping(path = "/sections/{sectionId}/lessons/order", consumes = MediaType.APPLICATION_JSON_VALUE)
    Section reorderLessons(@PathVariable ObjectId id, @PathVariable ObjectId sectionId,
            @Valid @RequestBody LessonOrderRequest request) {
        return curriculum.reorderLessons(id, sectionId, request.lessonIds());
    }

    @PatchMapping(path = "/lessons/{lessonId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Lesson updateLesson(@PathVariable ObjectId id, @PathVariable ObjectId lessonId,
            @Valid @RequestBody UpdateLessonRequest request) {
        return curriculum.updateLesson(id, lessonId, request.toChanges());
    }

    @DeleteMapping("/lessons/{lessonId}")
    ResponseEntity<Void> deleteLesson(@PathVariable ObjectId id, @PathVariable ObjectId lessonId) {
        curriculum.deleteLesson(id, lessonId);
        return ResponseEntity.noContent().build();
    }

}
