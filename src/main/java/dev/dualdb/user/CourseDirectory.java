package dev.dualdb.user;

import org.bson.types.ObjectId;

/**
 * Tells the user module whether a course exists, so enrolments can be checked without this module reaching into
 * the course module's storage; the course module provides it as a bean.
 */
public interface CourseDirectory {

    boolean exists(ObjectId courseId);
}
