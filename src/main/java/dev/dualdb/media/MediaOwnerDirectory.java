package dev.dualdb.media;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.types.ObjectId;

import dev.dualdb.security.Caller;

/**
 * Tells the media module whether an owner exists, and who may see and change its media,
 * without the media module depending on the modules that own products, courses and users:
 * each of them provides one as a bean. The access answers assume the owner exists (the
 * media module checks that first).
 */
public interface MediaOwnerDirectory {

    /**
     * The reference types this directory answers for.
     * @return the kinds of owner this module keeps
     */
    Set<OwnerKind> types();

    /**
     * Whether an owner of that type and id exists now.
     * @param type the kind of owner, one of {@link #types()}
     * @param id the owner's id
     * @return whether the owner exists
     */
    boolean exists(OwnerKind type, ObjectId id);

    /**
     * Which of {@code ids} exist now (one query where the directory can; the reconciler
     * asks in batches).
     * @param type the kind of owner, one of {@link #types()}
     * @param ids the owner ids to look for
     * @return those of {@code ids} that exist
     */
    default Set<ObjectId> existing(OwnerKind type, Collection<ObjectId> ids) {
        return ids.stream().filter((id) -> exists(type, id)).collect(Collectors.toSet());
    }

    /**
     * Whether the caller may see the owner's media (metadata and bytes). Only admins
     * unless the owner's module says otherwise.
     * @param type the kind of owner, one of {@link #types()}
     * @param id the owner's id
     * @param caller the caller, possibly anonymous
     * @return whether the caller may read the owner's media
     */
    default boolean mayRead(OwnerKind type, ObjectId id, Caller caller) {
        return caller.isAdmin();
    }

    /**
     * Whether the caller may add and delete the owner's media. Only admins unless the
     * owner's module says otherwise.
     * @param type the kind of owner, one of {@link #types()}
     * @param id the owner's id
     * @param caller the caller, possibly anonymous
     * @return whether the caller may change the owner's media
     */
    default boolean mayWrite(OwnerKind type, ObjectId id, Caller caller) {
        return caller.isAdmin();
    }

}
