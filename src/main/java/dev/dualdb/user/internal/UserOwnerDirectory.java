package dev.dualdb.user.internal;

import java.util.Collection;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import dev.dualdb.media.MediaOwnerDirectory;
import dev.dualdb.media.OwnerKind;
import dev.dualdb.security.Caller;

/**
 * Tells the media module whether a user exists (media such as avatars can belong to a
 * user); a user's media is seen and changed by that user and admins.
 */
@Component
class UserOwnerDirectory implements MediaOwnerDirectory {

    private final UserRepository users;

    UserOwnerDirectory(UserRepository users) {
        this.users = users;
    }

    @Override
    public Set<OwnerKind> types() {
        return Set.of(OwnerKind.USER);
    }

    @Override
    public boolean exists(OwnerKind type, ObjectId id) {
        return this.users.exists(id);
    }

    @Override
    public Set<ObjectId> existing(OwnerKind type, Collection<ObjectId> ids) {
        return this.users.existing(ids);
    }

    @Override
    public boolean mayRead(OwnerKind type, ObjectId id, Caller caller) {
        return caller.isAdmin() || caller.is(id);
    }

    @Override
    public boolean mayWrite(OwnerKind type, ObjectId id, Caller caller) {
        return caller.isAdmin() || caller.is(id);
    }

}
