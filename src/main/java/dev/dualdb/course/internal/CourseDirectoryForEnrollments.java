package dev.dualdb.course.internal;

import dev.dualdb.user.CourseDirectory;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Tells the user module whether a course exists, for enrolments. */
@Component
class CourseDirectoryForEnrollments implements CourseDirectory {

    private final MongoTemplate mongo;

    CourseDirectoryForEnrollments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean exists(ObjectId courseId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(courseId)), "courses");
    }
}
