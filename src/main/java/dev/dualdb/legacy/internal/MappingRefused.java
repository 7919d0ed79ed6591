package dev.dualdb.legacy.internal;

/** The mapping file cannot be used: nothing is imported. */
public class MappingRefused extends RuntimeException {

    public MappingRefused(String message) {
        super(message);
    }

}
