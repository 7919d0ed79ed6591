package dev.dualdb.course;

/** Who a course is for. */
public enum CourseLevel {

    /** For those new to the subject. */
    BEGINNER,

    /** For those who know the basics. */
    INTERMEDIATE,

    /** For those at home in the subject. */
    ADVANCED

}
