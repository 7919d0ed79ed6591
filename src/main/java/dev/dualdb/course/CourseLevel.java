package dev.dualdb.course;

/** Who a course is for. */
public enum CourseLevel {

    BEGINNER, INTERMEDIATE, ADVANCED

}
