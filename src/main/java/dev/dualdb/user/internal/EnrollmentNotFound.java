package dev.dualdb.user.internal;

import org.bson.types.ObjectId;

import dev.dualdb.system.DomainException;

/** No enrolment with that id in that course. */
public class EnrollmentNotFound extends DomainException {

    public EnrollmentNotFound(ObjectId id) {
        super(Kind.NOT_FOUND, "enrollment-not-found", "No enrolment with id " + id.toHexString());
    }

}
