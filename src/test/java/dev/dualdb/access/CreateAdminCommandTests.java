package dev.dualdb.access;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import dev.dualdb.DualdbApplication;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiTest;
import dev.dualdb.user.CreateAdminCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code create-admin}: run in this JVM against the stores of the test service, with the
 * password on standard input (the environment variable is not set in the tests); the
 * admin it makes logs in through the API and may call admin routes. A short or missing
 * password creates nobody: there is no default password.
 */
class CreateAdminCommandTests extends ApiTest {

    @Autowired
    private MongoConnectionDetails mongoDetails;

    @Autowired
    private JdbcConnectionDetails jdbcDetails;

    @TempDir
    Path directory;

    @Test
    void anAdminCreatedWithThePasswordFromStandardInputLogsIn() {
        assertThat(System.getenv(CreateAdminCommand.PASSWORD_VARIABLE)).as("the test reads standard input").isNull();
        String email = unique("admin").toLowerCase(Locale.ROOT) + "@example.com";
        Run run = run("a long admin password\n", "create-admin", "--email=" + email, "--name=First Admin");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Created admin " + email);

        ApiClient.Response login = api.anonymous()
            .post("/api/auth/login", Map.of("email", email, "password", "a long admin password"));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        ApiClient admin = api.anonymous().withToken(login.json().path("accessToken").asString());
        assertThat(admin.post("/api/users", Map.of("email", unique("made") + "@example.com", "name", "Made")).status())
            .as("an admin route")
            .isEqualTo(201);
        assertThat(admin.get("/api/users/" + Cast.subject(admin.token())).json().path("roles").toString())
            .isEqualTo("[\"ADMIN\"]");
    }

    @Test
    void aShortOrMissingPasswordCreatesNobody() {
        String email = unique("admin").toLowerCase(Locale.ROOT) + "@example.com";
        Run shortPassword = run("short\n", "create-admin", "--email=" + email);
        assertThat(shortPassword.exitCode()).isEqualTo(1);
        assertThat(shortPassword.output()).contains("10 to 64 characters");
        Run none = run("", "create-admin", "--email=" + email);
        assertThat(none.exitCode()).as("no default password").isEqualTo(1);
        Run noEmail = run("a long admin password\n", "create-admin");
        assertThat(noEmail.exitCode()).isEqualTo(1);
        assertThat(noEmail.output()).contains("Usage: create-admin");
        assertThat(this.mongo.count(Query.query(Criteria.where("email").is(email)), "users")).isZero();
        assertProblem(api.anonymous().post("/api/auth/login", Map.of("email", email, "password", "short")), 401,
                "invalid-credentials");
    }

    private Run run(String input, String... arguments) {
        String[] settings = { "--spring.mongodb.uri=" + this.mongoDetails.getConnectionString(),
                "--spring.datasource.url=" + this.jdbcDetails.getJdbcUrl(),
                "--spring.datasource.username=" + this.jdbcDetails.getUsername(),
                "--spring.datasource.password=" + this.jdbcDetails.getPassword(),
                "--dualdb.storage.local.directory=" + this.directory.resolve("blobs"),
                "--dualdb.security.key-directory=" + this.directory.resolve("keys"),
                "--dualdb.embedded.persistent=false", "--server.port=0" };
        String[] all = new String[arguments.length + settings.length];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        System.arraycopy(settings, 0, all, arguments.length, settings.length);
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream captured = new PrintStream(output, true, StandardCharsets.UTF_8);
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        System.setOut(captured);
        System.setErr(captured);
        try {
            int exitCode = CreateAdminCommand.run(DualdbApplication.class, all);
            return new Run(exitCode, output.toString(StandardCharsets.UTF_8));
        }
        finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    /**
     * What a run of the command did.
     *
     * @param exitCode its exit code
     * @param output what it printed
     */
    record Run(int exitCode, String output) {
    }

}
