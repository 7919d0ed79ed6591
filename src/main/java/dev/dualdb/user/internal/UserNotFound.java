package dev.dualdb.user.internal;

import org.bson.types.ObjectId;

import dev.dualdb.system.DomainException;

/** No user with that id. */
public class UserNotFound extends DomainException {

    public UserNotFound(ObjectId id) {
        super(Kind.NOT_FOUND, "user-not-found", "No user with id " + id.toHexString());
    }

}
