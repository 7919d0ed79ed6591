package dev.dualdb.system;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.bson.types.ObjectId;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What a creating service needs to know of the current request's {@code Idempotency-Key}:
 * an id reserved for the thing it creates. A retry of a request that crashed half-way
 * gets the same id, so the service can finish the first attempt instead of creating a
 * second thing.
 */
public final class IdempotentRequest {

    static final String ATTRIBUTE = IdempotentRequest.class.getName();

    private IdempotentRequest() {
    }

    /**
     * The id reserved under the current request's idempotency key, or empty without a
     * key.
     * @return the reserved id, or empty when the request has no idempotency key
     */
    public static Optional<ObjectId> reservedId() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        Object reservation = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return (reservation instanceof Reservation r) ? Optional.of(r.reserve()) : Optional.empty();
    }

    /**
     * Makes {@code reservation} the current request's (called by the idempotency filter).
     * @param request the request being served
     * @param reservation reserves the id for the request's idempotency key
     */
    public static void bind(HttpServletRequest request, Reservation reservation) {
        request.setAttribute(ATTRIBUTE, reservation);
    }

    /** Reserves (once) and returns the id for the request's key. */
    public interface Reservation {

        ObjectId reserve();

    }

}
