package dev.dualdb.user;

/** What a user may do; the route rules of each module say what each role may call. */
public enum Role {

    /** Takes courses (the role of a new user that names none). */
    STUDENT,

    /** Gives courses. */
    INSTRUCTOR,

    /** Runs the platform. */
    ADMIN

}
