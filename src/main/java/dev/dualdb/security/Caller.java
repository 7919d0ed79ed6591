package dev.dualdb.security;

import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is making the current request: a user id with the user's roles, or nobody.
 *
 * @param userId the user's id (an ObjectId in hex), or {@code null} when anonymous
 * @param roles the user's roles ({@code STUDENT}, {@code INSTRUCTOR}, {@code ADMIN})
 */
public record Caller(String userId, Set<String> roles) {

    /** A caller who presented no token. */
    public static final Caller ANONYMOUS = new Caller(null, Set.of());

    /** The role that may do everything. */
    public static final String ADMIN = "ADMIN";

    /** The role that creates and teaches courses. */
    public static final String INSTRUCTOR = "INSTRUCTOR";

    /** The role that takes courses. */
    public static final String STUDENT = "STUDENT";

    public Caller {
        roles = Set.copyOf(roles);
    }

    /**
     * The caller of the request this thread is serving.
     * @return the caller, {@link #ANONYMOUS} without a valid token
     */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return (authentication != null && authentication.getPrincipal() instanceof Caller caller) ? caller : ANONYMOUS;
    }

    public boolean isAnonymous() {
        return this.userId == null;
    }

    public boolean isAdmin() {
        return this.roles.contains(ADMIN);
    }

    public boolean hasRole(String role) {
        return this.roles.contains(role);
    }

    /**
     * Whether the caller is the user {@code id}.
     * @param id a user id, or {@code null}
     * @return whether it is the caller's own id
     */
    public boolean is(String id) {
        return this.userId != null && this.userId.equals(id);
    }

    /**
     * Whether the caller is the user {@code id}.
     * @param id a user id
     * @return whether it is the caller's own id
     */
    public boolean is(ObjectId id) {
        return id != null && is(id.toHexString());
    }

    /**
     * The caller's id as an ObjectId.
     * @return the id, or {@code null} when anonymous
     */
    public ObjectId id() {
        return (this.userId != null) ? new ObjectId(this.userId) : null;
    }

}
