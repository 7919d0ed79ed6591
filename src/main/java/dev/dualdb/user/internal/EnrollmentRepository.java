package dev.dualdb.user.internal;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import dev.dualdb.user.Enrollment;

/**
 * The {@code enrollments} collection: one document per user and course (a unique compound
 * index).
 */
@Repository
public class EnrollmentRepository {

    static final String COLLECTION = "enrollments";

    private final MongoTemplate mongo;

    EnrollmentRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores a new enrolment.
     * @param userId the user's id
     * @param courseId the course's id
     * @return the stored enrolment
     * @throws DuplicateKeyException if the user is already enrolled
     */
    public Enrollment insert(ObjectId userId, ObjectId courseId) {
        Document document = new Document("_id", new ObjectId()).append("userId", userId)
            .append("courseId", courseId)
            .append("enrolledAt", new Date());
        this.mongo.insert(document, COLLECTION);
        return map(document);
    }

    public Optional<Enrollment> find(ObjectId courseId, ObjectId id) {
        return find(Criteria.where("_id").is(id).and("courseId").is(courseId)).stream().findFirst();
    }

    public boolean exists(ObjectId userId, ObjectId courseId) {
        return this.mongo.exists(Query.query(Criteria.where("userId").is(userId).and("courseId").is(courseId)),
                COLLECTION);
    }

    public long deleteByCourse(ObjectId courseId) {
        return this.mongo.remove(Query.query(Criteria.where("courseId").is(courseId)), COLLECTION).getDeletedCount();
    }

    public List<Enrollment> byCourse(ObjectId courseId) {
        return find(Criteria.where("courseId").is(courseId));
    }

    public List<Enrollment> byUser(ObjectId userId) {
        return find(Criteria.where("userId").is(userId));
    }

    private List<Enrollment> find(Criteria criteria) {
        return this.mongo.find(Query.query(criteria).with(Sort.by("_id")), Document.class, COLLECTION)
            .stream()
            .map(EnrollmentRepository::map)
            .toList();
    }

    static Enrollment map(Document document) {
        return new Enrollment(document.getObjectId("_id").toHexString(), document.getObjectId("userId").toHexString(),
                document.getObjectId("courseId").toHexString(), document.getDate("enrolledAt").toInstant());
    }

}
