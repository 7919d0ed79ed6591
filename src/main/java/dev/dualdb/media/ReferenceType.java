package dev.dualdb.media;

/** What a {@link MediaStorage} row belongs to. */
public enum ReferenceType {

    PRODUCT, COURSE, LESSON, USER

}
