package dev.dualdb.support;

import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.dualdb.user.Role;
import dev.dualdb.user.User;
import dev.dualdb.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users for the HTTP tests: an admin per application context (created once, through the
 * service, as {@code create-admin} does) and new users of any role, logged in through
 * {@code POST /api/auth/login} like a client would.
 */
public final class TestUsers {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    private ObjectProvider<UserService> users;

    private String adminToken;

    private String adminId;

    /**
     * The access token of this context's admin (created on first use).
     * @param client an anonymous client of this context's server
     * @return the token
     */
    synchronized String adminToken(ApiClient client) {
        if (this.adminToken == null) {
            LoggedIn admin = logIn(client, Role.ADMIN);
            this.adminId = admin.id();
            this.adminToken = admin.client().token();
        }
        return this.adminToken;
    }

    /**
     * The id of this context's admin (once {@link #adminToken} made it).
     * @return the admin's user id
     */
    synchronized String adminId() {
        return this.adminId;
    }

    /**
     * A new user with {@code roles}, logged in.
     * @param client an anonymous client of this context's server
     * @param roles the roles ({@code STUDENT} when none)
     * @return the user and a client with their token
     */
    public LoggedIn logIn(ApiClient client, Role... roles) {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        User user = this.users.getObject()
            .create(email, "Test user", (roles.length == 0) ? EnumSet.of(Role.STUDENT) : EnumSet.of(roles[0], roles),
                    PASSWORD);
        ApiClient.Response login = client.anonymous()
            .post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return new LoggedIn(user, client.withToken(login.json().path("accessToken").asString()),
                login.json().path("refreshToken").asString());
    }

    /**
     * A client logged in as a new admin of a service a test started itself.
     * @param service the running service
     * @return a client of the service with an admin's token
     */
    public static ApiClient adminOf(ConfigurableApplicationContext service) {
        ApiClient anonymous = new ApiClient(((WebServerApplicationContext) service).getWebServer().getPort());
        String email = "admin-" + UUID.randomUUID() + "@example.com";
        service.getBean(UserService.class).create(email, "Test admin", EnumSet.of(Role.ADMIN), PASSWORD);
        ApiClient.Response login = anonymous.post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return anonymous.withToken(login.json().path("accessToken").asString());
    }

    /**
     * A user logged in for a test.
     *
     * @param user the user as stored
     * @param client a client that sends the user's access token
     * @param refreshToken the refresh token of the login
     */
    public record LoggedIn(User user, ApiClient client, String refreshToken) {

        public String id() {
            return this.user.id();
        }

    }

}
