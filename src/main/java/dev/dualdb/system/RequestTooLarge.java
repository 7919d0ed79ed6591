package dev.dualdb.system;

/** A request body (other than a file upload) larger than the service accepts. */
public class RequestTooLarge extends DomainException {

    public RequestTooLarge(long limit) {
        super(Kind.TOO_LARGE, "request-too-large",
                "Request bodies other than uploads are limited to " + limit + " bytes");
    }

}
