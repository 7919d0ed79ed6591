package dev.dualdb.course.internal;

import dev.dualdb.system.DomainException;

/**
 * A new order of sections or lessons that is not a permutation of the ids that are there
 * now.
 */
public class InvalidOrder extends DomainException {

    public InvalidOrder(String message) {
        super(Kind.INVALID, "invalid-order", message);
    }

}
