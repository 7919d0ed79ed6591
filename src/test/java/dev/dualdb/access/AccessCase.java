package dev.dualdb.access;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;

import dev.dualdb.access.Cast.Column;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.Multipart;

/**
 * One row of the expected rule table: a request of one operation, built for a world and a
 * caller, and the columns that may make it. A case that {@code mutates} runs each allowed
 * column on a world of its own, so a delete by one caller leaves the next one something
 * to act on.
 *
 * @param label what the case tries (json, multipart, own, other …)
 * @param allowed the columns that may
 * @param mutates whether an allowed call changes the stores
 * @param call the request for a world and a column
 */
record AccessCase(String label, Set<Column> allowed, boolean mutates, BiFunction<World, Cast.Who, Request> call) {

    static final Set<Column> EVERYONE = EnumSet.allOf(Column.class);

    static final Set<Column> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Column.ANONYMOUS));

    static final Set<Column> ADMIN = EnumSet.of(Column.ADMIN);

    /** The student of the cast (who owns the world's user media) and admins. */
    static final Set<Column> STUDENT_AND_ADMIN = EnumSet.of(Column.STUDENT, Column.ADMIN);

    static final Set<Column> EDITORS = EnumSet.of(Column.INSTRUCTOR, Column.ADMIN);

    static final Set<Column> LEARNERS = EnumSet.of(Column.ENROLLED, Column.INSTRUCTOR, Column.ADMIN);

    static final Set<Column> INSTRUCTORS = EnumSet.of(Column.INSTRUCTOR, Column.OTHER_INSTRUCTOR, Column.ADMIN);

    static AccessCase read(Set<Column> allowed, BiFunction<World, Cast.Who, Request> call) {
        return new AccessCase("", allowed, false, call);
    }

    static AccessCase write(Set<Column> allowed, BiFunction<World, Cast.Who, Request> call) {
        return new AccessCase("", allowed, true, call);
    }

    AccessCase labelled(String label) {
        return new AccessCase(label, this.allowed, this.mutates, this.call);
    }

    /**
     * A request as the caller of one column sends it; one built for a different column
     * differs only in ids and bodies that name the caller.
     *
     * @param method the HTTP method
     * @param path the path with its query
     * @param body none, a JSON body (map or text) or a {@link Multipart} form
     * @param malformed whether it is invalid on purpose (a minimal request that an
     * allowed caller gets a 400 for)
     */
    record Request(String method, String path, Object body, boolean malformed) {

        static Request of(String method, String path) {
            return new Request(method, path, null, false);
        }

        static Request of(String method, String path, Object body) {
            return new Request(method, path, body, false);
        }

        static Request minimal(String method, String path, Object body) {
            return new Request(method, path, body, true);
        }

        ApiClient.Response send(ApiClient client) {
            ApiClient sender = this.malformed ? client.malformed() : client;
            if (this.body instanceof Multipart form) {
                return sender.multipart(this.path, form);
            }
            return switch (this.method) {
                case "GET" -> this.path.startsWith("/media/") ? sender.fetch("GET", this.path) : sender.get(this.path);
                case "HEAD" -> sender.fetch("HEAD", this.path);
                case "DELETE" -> sender.delete(this.path);
                case "POST" -> (this.body != null) ? sender.post(this.path, this.body) : sender.post(this.path);
                case "PATCH" -> sender.patch(this.path, this.body);
                case "PUT" -> sender.put(this.path, this.body);
                default -> throw new IllegalArgumentException(this.method);
            };
        }

        @Override
        public String toString() {
            return this.method + " " + this.path;
        }

    }

}
