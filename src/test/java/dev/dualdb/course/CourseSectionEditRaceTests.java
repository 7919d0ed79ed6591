package dev.dualdb.course;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.dualdb.course.internal.CourseEditConflict;
import dev.dualdb.course.internal.CourseRepository;
import dev.dualdb.course.internal.SectionNotFound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Section edits are read-modify-write of one document with no transaction: a write that
 * raced another is detected by the {@code version} field and the edit is applied again on
 * the document as it now is.
 */
class CourseSectionEditRaceTests extends CourseApiSupport {

    @Autowired
    CourseRepository courses;

    /**
     * What another writer does between our read and our write: adds a section and bumps
     * the version.
     */
    private void interfere(ObjectId id, String title) {
        mongo.getCollection("courses")
            .updateOne(new Document("_id", id),
                    new Document("$push", new Document("sections",
                            new Document("id", new ObjectId()).append("title", title).append("lessons", List.of())))
                        .append("$inc", new Document("version", 1)));
    }

    @Test
    void anEditThatLostTheRaceIsAppliedAgainSoNeitherWriteIsLost() {
        ObjectId id = new ObjectId(createCourse("First").path("id").asString());
        AtomicInteger attempts = new AtomicInteger();

        Section mine = this.courses.editSections(id, (curriculum) -> {
            if (attempts.incrementAndGet() == 1) {
                interfere(id, "Theirs");
            }
            return curriculum.addSection(new NewSection("Mine", List.of()));
        });

        assertThat(attempts).hasValue(2);
        List<Document> sections = stored(id.toHexString()).getList("sections", Document.class);
        assertThat(sections).extracting((section) -> section.getString("title")).containsExactly("S", "Theirs", "Mine");
        assertThat(sections.get(2).get("id")).isEqualTo(new ObjectId(mine.id()));
    }

    @Test
    void anEditThatKeepsLosingGivesUpWithAConflictAndWritesNothing() {
        ObjectId id = new ObjectId(createCourse("First").path("id").asString());
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> this.courses.editSections(id, (curriculum) -> {
            interfere(id, "Theirs " + attempts.incrementAndGet());
            return curriculum.addSection(new NewSection("Mine", List.of()));
        })).isInstanceOf(CourseEditConflict.class);

        List<Document> sections = stored(id.toHexString()).getList("sections", Document.class);
        assertThat(sections).hasSize(1 + attempts.get());
        assertThat(sections).extracting((section) -> section.getString("title")).doesNotContain("Mine");
    }

    @Test
    void aFailedEditWritesNothing() {
        ObjectId id = new ObjectId(createCourse("First").path("id").asString());
        Document before = stored(id.toHexString());

        assertThatThrownBy(() -> this.courses.editSections(id, (curriculum) -> {
            curriculum.addSection(new NewSection("Half-done", List.of()));
            return curriculum.renameSection(new ObjectId(), "nobody");
        })).isInstanceOf(SectionNotFound.class);

        Document after = stored(id.toHexString());
        assertThat(after.get("sections")).isEqualTo(before.get("sections"));
        assertThat(after.get("version")).isEqualTo(before.get("version"));
    }

}
