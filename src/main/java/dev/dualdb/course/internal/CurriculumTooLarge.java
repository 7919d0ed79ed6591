package dev.dualdb.course.internal;

import dev.dualdb.system.DomainException;

/**
 * A course would get more sections, or a section more lessons, than a course document may
 * hold: the whole outline lives in one MongoDB document, which has a hard size limit (16
 * MB).
 */
public class CurriculumTooLarge extends DomainException {

    public CurriculumTooLarge(String message) {
        super(Kind.INVALID, "curriculum-too-large", message);
    }

}
