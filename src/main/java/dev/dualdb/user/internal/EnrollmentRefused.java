package dev.dualdb.user.internal;

import dev.dualdb.system.DomainException;

/** The caller may not enrol that user, or see that course's enrolments. */
public class EnrollmentRefused extends DomainException {

    public EnrollmentRefused(String message) {
        super(Kind.FORBIDDEN, "forbidden", message);
    }

}
