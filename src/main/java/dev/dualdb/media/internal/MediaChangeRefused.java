package dev.dualdb.media.internal;

import dev.dualdb.system.DomainException;

/** The caller may see an owner's media but not add or delete it. */
public class MediaChangeRefused extends DomainException {

    MediaChangeRefused() {
        super(Kind.FORBIDDEN, "forbidden", "Only those who may edit the owner change its media");
    }

}
