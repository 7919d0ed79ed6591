package dev.dualdb.system;

/**
 * A failure the client can be told about: each subclass is named after what went wrong
 * and carries a stable {@link #code()}. It says nothing of HTTP;
 * {@code ProblemDetailsAdvice} maps its {@link Kind} to a status.
 */
public abstract class DomainException extends RuntimeException {

    /** What sort of failure this is, independent of any protocol. */
    public enum Kind {

        INVALID, NOT_FOUND, CONFLICT, UNPROCESSABLE, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNAVAILABLE

    }

    private final Kind kind;

    private final String code;

    protected DomainException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    protected DomainException(Kind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return this.kind;
    }

    /** A stable, machine-readable identifier such as {@code product-not-found}. */
    public String code() {
        return this.code;
    }

}
