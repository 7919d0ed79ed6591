package dev.dualdb.user.internal;

import org.bson.types.ObjectId;

import dev.dualdb.system.DomainException;

/** A student tried to enrol themselves in a course that is not free. */
public class PaymentRequired extends DomainException {

    public PaymentRequired(ObjectId courseId) {
        super(Kind.PAYMENT_REQUIRED, "payment-required",
                "Course " + courseId.toHexString() + " is not free: it is paid for before enrolment");
    }

}
