package dev.dualdb.media;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.types.ObjectId;

/**
 * Tells the media module whether an owner exists, without the media module depending on
 * the modules that own products, courses and users: each of them provides one as a bean.
 */
public interface MediaOwnerDirectory {

    /** The reference types this directory answers for. */
    Set<OwnerKind> types();

    /** Whether an owner of that type and id exists now. */
    boolean exists(OwnerKind type, ObjectId id);

    /**
     * Which of {@code ids} exist now (one query where the directory can; the reconciler
     * asks in batches).
     */
    default Set<ObjectId> existing(OwnerKind type, Collection<ObjectId> ids) {
        return ids.stream().filter((id) -> exists(type, id)).collect(Collectors.toSet());
    }

}
