package dev.dualdb.user;

/** What a user may do; stored now, enforced when security arrives. */
public enum Role {

    /** Takes courses (the role of a new user that names none). */
    STUDENT,

    /** Gives courses. */
    INSTRUCTOR,

    /** Runs the platform. */
    ADMIN

}
