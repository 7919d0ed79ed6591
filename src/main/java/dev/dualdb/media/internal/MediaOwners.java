package dev.dualdb.media.internal;

import java.util.List;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import dev.dualdb.media.MediaOwnerDirectory;
import dev.dualdb.media.OwnerKind;
import dev.dualdb.security.Caller;
import dev.dualdb.system.InvalidInput;
import dev.dualdb.system.ObjectIdParser;

/**
 * Asks the owner modules, through their {@link MediaOwnerDirectory} beans, whether the
 * owner a piece of media points at exists and who may see or change its media: media
 * knows nothing of MongoDB, courses or enrolments.
 */
@Component
public class MediaOwners {

    private final List<MediaOwnerDirectory> directories;

    MediaOwners(List<MediaOwnerDirectory> directories) {
        this.directories = directories;
    }

    /**
     * Whether the owner exists now; a malformed id names no owner.
     * @param kind the owner's kind
     * @param id the owner's id as stored
     * @return whether it exists
     */
    public boolean exists(OwnerKind kind, String id) {
        return ObjectIdParser.isValid(id) && exists(kind, ObjectIdParser.parse(id));
    }

    /**
     * Checks that the owner exists, before its bytes are taken or its rows written.
     * @param kind the owner's kind
     * @param id the owner's id as the client sent it
     * @return the id
     * @throws InvalidInput if the id is malformed
     * @throws MediaOwnerNotFound if there is no such owner
     */
    public ObjectId require(OwnerKind kind, String id) {
        if (!ObjectIdParser.isValid(id)) {
            throw new InvalidInput("malformed-id", "referenceId is not a valid id");
        }
        ObjectId objectId = ObjectIdParser.parse(id);
        if (!exists(kind, objectId)) {
            throw new MediaOwnerNotFound(kind, id);
        }
        return objectId;
    }

    /**
     * Whether the caller may see the media of an owner (assumed to exist); a malformed id
     * names no owner.
     * @param kind the owner's kind
     * @param id the owner's id as stored
     * @param caller the caller
     * @return whether the caller may see its media
     */
    public boolean mayRead(OwnerKind kind, String id, Caller caller) {
        return ObjectIdParser.isValid(id) && this.directories.stream()
            .filter((directory) -> directory.types().contains(kind))
            .anyMatch((directory) -> directory.mayRead(kind, ObjectIdParser.parse(id), caller));
    }

    /**
     * Whether the caller may add or delete media of an owner (assumed to exist).
     * @param kind the owner's kind
     * @param id the owner's id as stored
     * @param caller the caller
     * @return whether the caller may change its media
     */
    public boolean mayWrite(OwnerKind kind, String id, Caller caller) {
        return ObjectIdParser.isValid(id) && this.directories.stream()
            .filter((directory) -> directory.types().contains(kind))
            .anyMatch((directory) -> directory.mayWrite(kind, ObjectIdParser.parse(id), caller));
    }

    private boolean exists(OwnerKind kind, ObjectId id) {
        return this.directories.stream()
            .filter((directory) -> directory.types().contains(kind))
            .anyMatch((directory) -> directory.exists(kind, id));
    }

}
