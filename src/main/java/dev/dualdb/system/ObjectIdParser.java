package dev.dualdb.system;

import java.util.Locale;

import org.bson.types.ObjectId;

/** Parses MongoDB ids strictly: exactly 24 hexadecimal characters. */
public final class ObjectIdParser {

    private ObjectIdParser() {
    }

    /**
     * Parses {@code value} as an ObjectId, in either case.
     * @param value the text to parse
     * @return the ObjectId, with its hex in lower case
     * @throws IllegalArgumentException if {@code value} is not 24 hexadecimal characters
     */
    public static ObjectId parse(String value) {
        if (value == null || !ObjectId.isValid(value)) {
            throw new IllegalArgumentException("Not an ObjectId: " + value);
        }
        return new ObjectId(value.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether {@code value} is 24 hexadecimal characters.
     * @param value the text to check, possibly {@code null}
     * @return {@code true} if it is an ObjectId
     */
    public static boolean isValid(String value) {
        return value != null && ObjectId.isValid(value);
    }

}
