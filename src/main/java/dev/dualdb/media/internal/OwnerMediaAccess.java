package dev.dualdb.media.internal;

import org.springframework.stereotype.Component;

import dev.dualdb.media.MediaKind;
import dev.dualdb.media.MediaStorage;
import dev.dualdb.media.OwnerKind;
import dev.dualdb.security.Caller;

/**
 * The access rules of the generic media routes, in one place: media of an owner is seen
 * by those its owner's module lets see it, and changed by those it lets change it. An
 * owner or media the caller may not see is answered as if it did not exist; one the
 * caller may see but not change is refused.
 */
@Component
public class OwnerMediaAccess {

    private final MediaOwners owners;

    OwnerMediaAccess(MediaOwners owners) {
        this.owners = owners;
    }

    /**
     * Checks that the caller may list the owner's media.
     * @param kind the owner's kind
     * @param id the owner's id
     * @param caller the caller
     * @throws MediaOwnerNotFound if there is no such owner or the caller may not see its
     * media
     */
    public void requireRead(OwnerKind kind, String id, Caller caller) {
        this.owners.require(kind, id);
        if (!this.owners.mayRead(kind, id, caller)) {
            throw new MediaOwnerNotFound(kind, id);
        }
    }

    /**
     * Checks that the caller may add media to the owner, before any byte is read.
     * @param kind the owner's kind
     * @param id the owner's id as the client sent it
     * @param caller the caller
     * @throws MediaOwnerNotFound if there is no such owner or the caller may not see its
     * media
     * @throws MediaChangeRefused if the caller may see but not change its media
     */
    public void requireWrite(OwnerKind kind, String id, Caller caller) {
        String owner = this.owners.require(kind, id).toHexString();
        if (!this.owners.mayWrite(kind, owner, caller)) {
            if (!this.owners.mayRead(kind, owner, caller)) {
                throw new MediaOwnerNotFound(kind, id);
            }
            throw new MediaChangeRefused();
        }
    }

    /**
     * Whether the caller may see one media record.
     * @param media the record
     * @param caller the caller
     * @return whether they may
     */
    public boolean mayRead(MediaStorage media, Caller caller) {
        return this.owners.mayRead(media.referenceType(), media.referenceId(), caller);
    }

    /**
     * Checks that the caller may see one media record.
     * @param media the record
     * @param caller the caller
     * @throws MediaNotFound if not
     */
    public void requireRead(MediaStorage media, Caller caller) {
        if (!mayRead(media, caller)) {
            throw new MediaNotFound(MediaKind.MEDIA_STORAGE, media.id());
        }
    }

    /**
     * Checks that the caller may delete one media record.
     * @param media the record
     * @param caller the caller
     * @throws MediaNotFound if the caller may not see it
     * @throws MediaChangeRefused if the caller may see but not change it
     */
    public void requireWrite(MediaStorage media, Caller caller) {
        requireRead(media, caller);
        if (!this.owners.mayWrite(media.referenceType(), media.referenceId(), caller)) {
            throw new MediaChangeRefused();
        }
    }

}
