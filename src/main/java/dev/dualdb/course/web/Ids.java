package dev.dualdb.course.web;

/** The shape of a MongoDB id in a request body, for {@code @Pattern}. */
final class Ids {

    static final String OBJECT_ID = "^[0-9a-fA-F]{24}$";
    static final String OBJECT_ID_MESSAGE = "must be an id (24 hexadecimal characters)";

    private Ids() {
    }

}
