package dev.dualdb.user.internal;

import dev.dualdb.system.DomainException;
import org.bson.types.ObjectId;

/** No user with that id. */
public class UserNotFound extends DomainException {

    public UserNotFound(ObjectId id) {
        super(Kind.NOT_FOUND, "user-not-found", "No user with id " + id.toHexString());
    }

}
