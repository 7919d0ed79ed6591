package dev.dualdb.support;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.dualdb.user.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP tests: the whole service on a random port, with the embedded
 * MongoDB-wire server (in memory) and the embedded PostgreSQL (throw-away directory) over
 * real connections. Tests share one context, so they create their own data with unique
 * values instead of wiping the stores.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSupportConfiguration.class)
public abstract class ApiTest {

    @LocalServerPort
    int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected QueryCounter queries;

    @Autowired
    private TestUsers users;

    /** A client logged in as an admin, who may call every route. */
    protected ApiClient api;

    /**
     * With {@code DUALDB_TEST_EXTERNAL_POSTGRES_URL} set, the shared context uses that
     * standalone PostgreSQL ({@link ExternalPostgres}) instead of the embedded one.
     * @param registry where the datasource settings go
     */
    @DynamicPropertySource
    static void standalonePostgres(DynamicPropertyRegistry registry) {
        ExternalPostgres.sharedIfConfigured().ifPresent((postgres) -> {
            registry.add("spring.datasource.url", postgres::jdbcUrl);
            registry.add("spring.datasource.username", postgres::user);
            registry.add("spring.datasource.password", postgres::password);
        });
    }

    @BeforeEach
    void createClient() {
        this.api = new ApiClient(this.port).withToken(this.users.adminToken(new ApiClient(this.port)));
    }

    /**
     * The user id of the admin {@link #api} is logged in as.
     * @return the admin's id
     */
    protected String adminId() {
        return this.users.adminId();
    }

    /**
     * A new user with a password, logged in through the API.
     * @param roles the user's roles ({@code STUDENT} when none)
     * @return the user with a client that carries their token
     */
    protected TestUsers.LoggedIn logIn(Role... roles) {
        return this.users.logIn(new ApiClient(this.port), roles);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Asserts an RFC 9457 problem with the given status and stable code. */
    protected static void assertProblem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asString()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    protected long count(String sql, Object... params) {
        var statement = this.jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

}
