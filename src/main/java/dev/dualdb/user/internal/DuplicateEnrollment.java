package dev.dualdb.user.internal;

import dev.dualdb.system.DomainException;

/** The user is already enrolled in that course. */
public class DuplicateEnrollment extends DomainException {

    public DuplicateEnrollment(String userId, String courseId) {
        super(Kind.CONFLICT, "duplicate-enrollment", "User " + userId + " is already enrolled in course " + courseId);
    }

}
