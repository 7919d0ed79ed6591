package dev.dualdb.course.internal;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import dev.dualdb.course.LessonChanges;
import dev.dualdb.course.NewLesson;
import dev.dualdb.course.NewSection;
import dev.dualdb.course.Section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The edits of a course outline, on plain sub-documents (no database). */
class CourseCurriculumTests {

    private final ObjectId courseId = new ObjectId();

    private static Document section(ObjectId id, String title, Document... lessons) {
        Document section = new Document("title", title).append("lessons", new ArrayList<>(List.of(lessons)));
        if (id != null) {
            section.put("id", id);
        }
        return section;
    }

    private static Document lesson(ObjectId id, String title) {
        return new Document("id", id).append("title", title);
    }

    @Test
    void reorderingKeepsSubDocumentsWithoutAnIdAtTheEnd() {
        ObjectId a = new ObjectId();
        ObjectId b = new ObjectId();
        Document foreign = section(null, "written elsewhere");
        Curriculum curriculum = new Curriculum(this.courseId,
                new ArrayList<>(List.of(section(a, "A"), foreign, section(b, "B"))));

        List<Section> reordered = curriculum.reorderSections(List.of(b.toHexString(), a.toHexString().toUpperCase()));

        assertThat(reordered).extracting(Section::title).containsExactly("B", "A", "written elsewhere");
        assertThat(curriculum.documents().get(2)).isSameAs(foreign);
    }

    @Test
    void aBadOrderNamesWhatIsWrongAndChangesNothing() {
        ObjectId a = new ObjectId();
        ObjectId b = new ObjectId();
        ObjectId stranger = new ObjectId();
        List<Document> sections = new ArrayList<>(List.of(section(a, "A"), section(b, "B")));
        Curriculum curriculum = new Curriculum(this.courseId, sections);

        assertThatThrownBy(
                () -> curriculum.reorderSections(List.of(a.toHexString(), a.toHexString(), stranger.toHexString())))
            .isInstanceOf(InvalidOrder.class)
            .hasMessageContaining("unknown: " + stranger.toHexString())
            .hasMessageContaining("missing: " + b.toHexString())
            .hasMessageContaining("repeated: " + a.toHexString());
        assertThatThrownBy(() -> curriculum.reorderSections(List.of(a.toHexString()))).isInstanceOf(InvalidOrder.class)
            .hasMessageContaining("missing: " + b.toHexString());
        assertThat(sections).extracting((s) -> s.getString("title")).containsExactly("A", "B");
    }

    @Test
    void movingALessonKeepsItsIdAndItsUnknownFields() {
        ObjectId from = new ObjectId();
        ObjectId to = new ObjectId();
        ObjectId lessonId = new ObjectId();
        Document lesson = lesson(lessonId, "Moving").append("quiz", new Document("questions", 3));
        Curriculum curriculum = new Curriculum(this.courseId,
                new ArrayList<>(List.of(section(from, "From", lesson, lesson(new ObjectId(), "Staying")),
                        section(to, "To", lesson(new ObjectId(), "Already there")))));

        curriculum.updateLesson(lessonId, new LessonChanges("Moved", null, 90, to));

        List<Document> sections = curriculum.documents();
        assertThat(CourseDocuments.lessons(sections.get(0))).extracting((l) -> l.getString("title"))
            .containsExactly("Staying");
        List<Document> target = CourseDocuments.lessons(sections.get(1));
        assertThat(target).extracting((l) -> l.getString("title")).containsExactly("Already there", "Moved");
        assertThat(target.get(1).get("id")).isEqualTo(lessonId);
        assertThat(target.get(1).get("quiz", Document.class).getInteger("questions")).isEqualTo(3);
        assertThat(target.get(1).getInteger("durationSeconds")).isEqualTo(90);
    }

    @Test
    void removingASectionReportsTheLessonsThatWentWithIt() {
        ObjectId sectionId = new ObjectId();
        ObjectId first = new ObjectId();
        ObjectId second = new ObjectId();
        Curriculum curriculum = new Curriculum(this.courseId,
                new ArrayList<>(List.of(section(sectionId, "Gone", lesson(first, "1"), lesson(second, "2")))));

        assertThat(curriculum.removeSection(sectionId)).containsExactly(first, second);
        assertThat(curriculum.documents()).isEmpty();
    }

    @Test
    void unknownSectionsAndLessonsAreNamedFailures() {
        Curriculum curriculum = new Curriculum(this.courseId, new ArrayList<>(List.of(section(new ObjectId(), "A"))));

        assertThatThrownBy(() -> curriculum.renameSection(new ObjectId(), "x")).isInstanceOf(SectionNotFound.class);
        assertThatThrownBy(() -> curriculum.addLesson(new ObjectId(), new NewLesson("x", null, null)))
            .isInstanceOf(SectionNotFound.class);
        assertThatThrownBy(() -> curriculum.removeLesson(new ObjectId())).isInstanceOf(LessonNotFound.class);
    }

    @Test
    void anOutlineCannotOutgrowOneDocument() {
        Curriculum curriculum = new Curriculum(this.courseId, new ArrayList<>());
        for (int i = 0; i < Curriculum.MAX_SECTIONS; i++) {
            curriculum.addSection(new NewSection("S" + i, List.of()));
        }

        assertThatThrownBy(() -> curriculum.addSection(new NewSection("one too many", List.of())))
            .isInstanceOf(CurriculumTooLarge.class);
        assertThat(curriculum.documents()).hasSize(Curriculum.MAX_SECTIONS);
    }

}
