package dev.dualdb.course.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import dev.dualdb.course.Course;
import dev.dualdb.course.CourseLevel;
import dev.dualdb.course.Lesson;
import dev.dualdb.course.NewLesson;
import dev.dualdb.course.NewSection;
import dev.dualdb.course.Section;

/**
 * Reads course documents into records and makes new section and lesson sub-documents.
 * Reads are lenient, because another application sharing the database may have written a
 * document: ids may be ObjectIds or hex strings, and missing fields get their defaults.
 */
final class CourseDocuments {

    private CourseDocuments() {
    }

    static Document newSection(NewSection section) {
        List<Document> lessons = new ArrayList<>();
        if (section.lessons() != null) {
            section.lessons().forEach((lesson) -> lessons.add(newLesson(lesson)));
        }
        return new Document("id", new ObjectId()).append("title", section.title()).append("lessons", lessons);
    }

    static Document newLesson(NewLesson lesson) {
        Document document = new Document("id", new ObjectId()).append("title", lesson.title());
        if (lesson.description() != null) {
            document.append("description", lesson.description());
        }
        if (lesson.durationSeconds() != null) {
            document.append("durationSeconds", lesson.durationSeconds());
        }
        return document;
    }

    static Course course(Document document) {
        return new Course(document.getObjectId("_id").toHexString(), document.getString("title"),
                document.getString("description"), hex(document.get("instructorId")), decimal(document.get("price")),
                (document.get("currency") instanceof String currency) ? currency : "USD", level(document.get("level")),
                Boolean.TRUE.equals(document.get("published")),
                sections(document).stream().map(CourseDocuments::section).toList(), instant(document.get("createdAt")),
                instant(document.get("updatedAt")));
    }

    static Section section(Document section) {
        return new Section(id(section), string(section.get("title")),
                lessons(section).stream().map(CourseDocuments::lesson).toList());
    }

    static Lesson lesson(Document lesson) {
        return new Lesson(id(lesson), string(lesson.get("title")), string(lesson.get("description")),
                (lesson.get("durationSeconds") instanceof Number number) ? number.intValue() : null);
    }

    /**
     * The sections of a course document, as a list that may be changed and written back.
     * @param course the course document
     * @return its section sub-documents
     */
    static List<Document> sections(Document course) {
        return documents(course.get("sections"));
    }

    /**
     * The lessons of a section sub-document, as a list that may be changed and written
     * back.
     * @param section the section sub-document
     * @return its lesson sub-documents
     */
    static List<Document> lessons(Document section) {
        return documents(section.get("lessons"));
    }

    /**
     * The id of a section or lesson sub-document in lower-case hex, or {@code null} if it
     * has none.
     * @param subDocument a section or lesson sub-document
     * @return its id in lower-case hex, or {@code null}
     */
    static String id(Document subDocument) {
        String id = hex(subDocument.get("id"));
        // A course of the original Node/Mongoose application (adopted with `import`):
        // Mongoose gives every sub-document an _id.
        return (id != null) ? id : hex(subDocument.get("_id"));
    }

    private static List<Document> documents(Object value) {
        List<Document> documents = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(Document.class::isInstance).map(Document.class::cast).forEach(documents::add);
        }
        return documents;
    }

    private static String hex(Object value) {
        if (value instanceof ObjectId id) {
            return id.toHexString();
        }
        if (value instanceof String text && ObjectId.isValid(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static String string(Object value) {
        return (value != null) ? value.toString() : null;
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        try {
            return (value != null) ? new BigDecimal(value.toString()) : BigDecimal.ZERO;
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static CourseLevel level(Object value) {
        try {
            return (value != null) ? CourseLevel.valueOf(value.toString()) : CourseLevel.BEGINNER;
        }
        catch (IllegalArgumentException ex) {
            return CourseLevel.BEGINNER;
        }
    }

    private static Instant instant(Object value) {
        return (value instanceof Date date) ? date.toInstant() : null;
    }

}
