package dev.dualdb.course.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.dualdb.course.Course;
import dev.dualdb.course.CourseChanges;
import dev.dualdb.course.NewCourse;
import dev.dualdb.system.ExistingIds;
import dev.dualdb.system.ObjectIdParser;

/**
 * The {@code courses} collection, read and written as plain BSON. A course's own fields
 * are changed with {@code $set} of the changed fields only; its sections are changed by
 * reading the raw sub-documents, editing them and writing the list back only if nobody
 * else wrote in between (a {@code version} field), since there are no multi-document
 * transactions to lean on. Either way, fields written by another application survive.
 */
@Repository
public class CourseRepository {

    static final String COLLECTION = "courses";
    static final String LESSON_IDS = "sections.lessons.id";

    /**
     * Where the original Node/Mongoose application keeps a lesson's id (every Mongoose
     * sub-document has an {@code _id}): courses adopted with {@code import} keep it
     * there.
     */
    static final String LEGACY_LESSON_IDS = "sections.lessons._id";

    /**
     * With N concurrent editors of one course an edit loses at most N-1 races, so this
     * covers ten at once.
     */
    private static final int MAX_ATTEMPTS = 10;

    private final MongoTemplate mongo;

    CourseRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Course insert(ObjectId id, NewCourse course) {
        Curriculum.checkSize(course.sections());
        Date now = new Date();
        Document document = new Document("_id", id).append("title", course.title())
            .append("description", course.description())
            .append("instructorId",
                    (course.instructorId() == null) ? null : ObjectIdParser.parse(course.instructorId()))
            .append("price", new Decimal128(course.price()))
            .append("currency", course.currency())
            .append("level", course.level().name())
            .append("published", course.published())
            .append("sections", course.sections().stream().map(CourseDocuments::newSection).toList())
            .append("version", 0L)
            .append("createdAt", now)
            .append("updatedAt", now);
        DocumentSizeLimit.check(document);
        this.mongo.insert(document, COLLECTION);
        return CourseDocuments.course(document);
    }

    public Optional<Course> find(ObjectId id) {
        return Optional.ofNullable(this.mongo.findById(id, Document.class, COLLECTION)).map(CourseDocuments::course);
    }

    /**
     * Which of {@code ids} exist, with one query on {@code _id}.
     * @param ids the course ids to look for
     * @return those of {@code ids} that exist
     */
    public Set<ObjectId> existing(Collection<ObjectId> ids) {
        return ExistingIds.in(this.mongo, COLLECTION, ids);
    }

    /**
     * Who teaches a course, reading that field only.
     * @param id the course
     * @return the instructor's id (empty string when none is set), or empty if there is
     * no such course
     */
    public Optional<String> instructorOf(ObjectId id) {
        Query query = Query.query(Criteria.where("_id").is(id));
        query.fields().include("instructorId");
        return Optional.ofNullable(this.mongo.findOne(query, Document.class, COLLECTION))
            .map((document) -> Objects.toString(document.get("instructorId"), ""));
    }

    /**
     * The ids of the courses a user teaches, reading the ids only
     * ({@code idx_courses_instructor}).
     * @param instructorId the instructor
     * @return their courses' ids
     */
    public List<ObjectId> idsTaughtBy(ObjectId instructorId) {
        Query query = Query.query(Criteria.where("instructorId").is(instructorId));
        query.fields().include("_id");
        return this.mongo.find(query, Document.class, COLLECTION)
            .stream()
            .map((document) -> document.getObjectId("_id"))
            .toList();
    }

    public boolean exists(ObjectId id) {
        return this.mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    /**
     * Whether that course has a lesson with that id (served by the {@code _id} index).
     * @param courseId the course's id
     * @param lessonId the lesson's id
     * @return whether the course has the lesson
     */
    public boolean hasLesson(ObjectId courseId, ObjectId lessonId) {
        return this.mongo.exists(
                Query.query(new Criteria().andOperator(Criteria.where("_id").is(courseId), hasLessonId(lessonId))),
                COLLECTION);
    }

    /**
     * Whether any course has a lesson with that id; uses {@code idx_courses_lesson_id}
     * and {@code idx_courses_legacy_lesson_id}.
     * @param lessonId the lesson's id
     * @return whether some course has the lesson
     */
    public boolean lessonExists(ObjectId lessonId) {
        return this.mongo.exists(Query.query(hasLessonId(lessonId)), COLLECTION);
    }

    /**
     * Which of {@code lessonIds} are lessons of some course, with one query (uses
     * {@code idx_courses_lesson_id}) reading the lesson ids only.
     * @param lessonIds the lesson ids to look for
     * @return those of {@code lessonIds} that exist
     */
    public Set<ObjectId> existingLessons(Collection<ObjectId> lessonIds) {
        if (lessonIds.isEmpty()) {
            return Set.of();
        }
        List<Object> forms = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        for (ObjectId lessonId : lessonIds) {
            forms.addAll(lessonIds(lessonId));
            wanted.add(lessonId.toHexString());
        }
        Query query = Query.query(Criteria.where(LESSON_IDS).in(forms));
        query.fields().include(LESSON_IDS);
        Set<ObjectId> found = new HashSet<>();
        for (Document course : this.mongo.find(query, Document.class, COLLECTION)) {
            for (Document section : CourseDocuments.sections(course)) {
                for (Document lesson : CourseDocuments.lessons(section)) {
                    String id = CourseDocuments.id(lesson);
                    if (id != null && wanted.contains(id)) {
                        found.add(new ObjectId(id));
                    }
                }
            }
        }
        return found;
    }

    /**
     * The course that has a lesson with that id; uses {@code idx_courses_lesson_id}.
     * @param lessonId the lesson's id
     * @return the course's id, or empty if no course has the lesson
     */
    public Optional<ObjectId> courseOfLesson(ObjectId lessonId) {
        Query query = Query.query(hasLessonId(lessonId));
        query.fields().include("_id");
        return Optional.ofNullable(this.mongo.findOne(query, Document.class, COLLECTION))
            .map((document) -> document.getObjectId("_id"));
    }

    /**
     * A page in creation order, newest first.
     * @param page the page number, from 0
     * @param size the number of courses on a page
     * @return the courses of the page
     */
    public List<Course> page(int page, int size) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).skip((long) page * size).limit(size);
        return this.mongo.find(query, Document.class, COLLECTION).stream().map(CourseDocuments::course).toList();
    }

    public long count() {
        return this.mongo.getCollection(COLLECTION).countDocuments();
    }

    public Optional<Course> update(ObjectId id, CourseChanges changes) {
        Update update = new Update().set("updatedAt", new Date()).inc("version", 1);
        setIfPresent(update, "title", changes.title());
        setIfPresent(update, "description", changes.description());
        setIfPresent(update, "instructorId",
                (changes.instructorId() == null) ? null : ObjectIdParser.parse(changes.instructorId()));
        setIfPresent(update, "price", (changes.price() == null) ? null : new Decimal128(changes.price()));
        setIfPresent(update, "currency", changes.currency());
        setIfPresent(update, "level", (changes.level() == null) ? null : changes.level().name());
        setIfPresent(update, "published", changes.published());
        Document updated = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), update,
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        return Optional.ofNullable(updated).map(CourseDocuments::course);
    }

    /**
     * Deletes the course; returns it as it was (its lesson ids are needed to delete their
     * media).
     * @param id the course's id
     * @return the deleted course, or empty if there was none
     */
    public Optional<Course> delete(ObjectId id) {
        Document deleted = this.mongo.findAndRemove(Query.query(Criteria.where("_id").is(id)), Document.class,
                COLLECTION);
        return Optional.ofNullable(deleted).map(CourseDocuments::course);
    }

    /**
     * Applies {@code edit} to the course's sections and writes them back, if the document
     * has not changed since it was read; otherwise reads it again and repeats the edit.
     * {@code edit} may run more than once, so it must only work on the {@link Curriculum}
     * it is given. An exception from {@code edit} writes nothing.
     * @param <T> what {@code edit} returns
     * @param id the course's id
     * @param edit the change to the sections
     * @return what {@code edit} returned on the attempt that was written
     */
    public <T> T editSections(ObjectId id, Function<Curriculum, T> edit) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Document document = this.mongo.findById(id, Document.class, COLLECTION);
            if (document == null) {
                throw new CourseNotFound(id);
            }
            Curriculum curriculum = new Curriculum(id, CourseDocuments.sections(document));
            T result = edit.apply(curriculum);
            Document edited = new Document(document);
            edited.put("sections", curriculum.documents());
            DocumentSizeLimit.check(edited);
            // {version: null} also matches a document without the field (one written by
            // another application).
            Query unchanged = Query.query(Criteria.where("_id").is(id).and("version").is(document.get("version")));
            Update update = new Update().set("sections", curriculum.documents())
                .set("updatedAt", new Date())
                .inc("version", 1);
            if (this.mongo.updateFirst(unchanged, update, COLLECTION).getMatchedCount() == 1) {
                return result;
            }
            pause(attempt);
        }
        throw new CourseEditConflict(id, MAX_ATTEMPTS);
    }

    /**
     * A short random pause, so that editors who collided do not collide again in
     * lockstep.
     * @param attempt the attempt that just failed, from 1; later ones wait longer
     */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + 3L * attempt));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A lesson id as this service writes it (an ObjectId) and as another application
     * might (a hex string).
     * @param lessonId the lesson's id
     * @return both forms, for an {@code $in}
     */
    private static Criteria hasLessonId(ObjectId lessonId) {
        return new Criteria().orOperator(Criteria.where(LESSON_IDS).in(lessonIds(lessonId)),
                Criteria.where(LEGACY_LESSON_IDS).in(lessonIds(lessonId)));
    }

    private static List<Object> lessonIds(ObjectId lessonId) {
        return List.of(lessonId, lessonId.toHexString());
    }

    private static void setIfPresent(Update update, String field, Object value) {
        if (value != null) {
            update.set(field, value);
        }
    }

}
