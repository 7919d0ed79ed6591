package dev.dualdb.legacy.internal;

/**
 * A source of bytes that is not read: the item is counted as a failure with this code.
 */
class SourceRefused extends RuntimeException {

    private final String code;

    SourceRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return this.code;
    }

}
