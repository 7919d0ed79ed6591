package dev.dualdb.course.internal;

import java.util.List;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A course document that MongoDB would refuse for its size is refused first, as bad
 * input.
 */
class CourseDocumentSizeLimitTests {

    private static Document course(int descriptionBytes) {
        return new Document("_id", new ObjectId()).append("price", new Decimal128(1))
            .append("sections", List.of(new Document("id", new ObjectId()).append("lessons",
                    List.of(new Document("id", new ObjectId()).append("description", "x".repeat(descriptionBytes))))));
    }

    @Test
    void aDocumentWellUnderTheLimitPasses() {
        assertThatCode(() -> DocumentSizeLimit.check(course(1_000_000))).doesNotThrowAnyException();
    }

    @Test
    void aDocumentOverTheLimitIsRefused() {
        assertThatThrownBy(() -> DocumentSizeLimit.check(course(DocumentSizeLimit.MAX_BYTES)))
            .isInstanceOf(CurriculumTooLarge.class)
            .hasMessageContaining("more than a course document may hold");
    }

}
