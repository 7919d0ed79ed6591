package dev.dualdb.system;

/**
 * A failure the client can be told about: each subclass is named after what went wrong
 * and carries a stable {@link #code()}. It says nothing of HTTP;
 * {@code ProblemDetailsAdvice} maps its {@link Kind} to a status.
 */
public abstract class DomainException extends RuntimeException {

    /** What sort of failure this is, independent of any protocol. */
    public enum Kind {

        /** The request itself is wrong: a bad field, parameter or body. */
        INVALID,

        /** Something the request names does not exist. */
        NOT_FOUND,

        /** The request carries no valid credentials where they are needed. */
        UNAUTHENTICATED,

        /** The caller is known but may not do this. */
        FORBIDDEN,

        /** The thing asked for must be paid for first. */
        PAYMENT_REQUIRED,

        /** The caller has sent too many requests of this kind; try again later. */
        TOO_MANY_REQUESTS,

        /** The request clashes with the current state, such as a duplicate key. */
        CONFLICT,

        /** The request is well formed but its content cannot be used. */
        UNPROCESSABLE,

        /** The client sent the request too slowly and it was given up. */
        TIMEOUT,

        /** The request or one of its files is over a limit. */
        TOO_LARGE,

        /** The content is of a type not accepted here. */
        UNSUPPORTED_MEDIA_TYPE,

        /**
         * A store the request needs cannot be reached right now; trying again may work.
         */
        UNAVAILABLE

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

    /**
     * A stable, machine-readable identifier such as {@code product-not-found}.
     * @return the code, the same for every failure of this kind
     */
    public String code() {
        return this.code;
    }

}
