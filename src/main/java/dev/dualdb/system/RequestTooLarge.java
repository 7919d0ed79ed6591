package dev.dualdb.system;

/**
 * A request body larger than the service accepts: a JSON body over its cap, or an upload
 * request over its route's request-wide limit (the files' own limits aside).
 */
public class RequestTooLarge extends DomainException {

    public RequestTooLarge(long limit) {
        this("Request bodies other than uploads are limited to " + limit + " bytes");
    }

    private RequestTooLarge(String message) {
        super(Kind.TOO_LARGE, "request-too-large", message);
    }

    /**
     * An upload request over its route's limit.
     * @param limit the most bytes the route takes in one request
     * @return the failure
     */
    public static RequestTooLarge upload(long limit) {
        return new RequestTooLarge("This upload route takes at most " + limit + " bytes in one request");
    }

}
