package dev.dualdb.user.internal;

import java.util.Collection;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import dev.dualdb.media.MediaOwnerDirectory;
import dev.dualdb.media.OwnerKind;

/**
 * Tells the media module whether a user exists (media such as avatars can belong to a
 * user).
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

}
