package dev.dualdb.system;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.dualdb.DualdbApplication;
import dev.dualdb.support.ApiTest;
import dev.dualdb.user.CreateAdminCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code bench/check-docs.sh} against this test's service: every {@code curl}
 * example of the README and of {@code docs/} must answer the status its {@code # expect:}
 * line names, so the documentation cannot drift from the service. The examples are
 * written for {@code localhost:8080}; the script aims them at {@code DUALDB_URL}. Needs
 * {@code bash} and {@code curl}.
 */
class DocsExamplesTests extends ApiTest {

    private static final long TIMEOUT_MINUTES = 5;

    @LocalServerPort
    private int serverPort;

    /** The admin the README's walk-through logs in as, created as the README says. */
    private static final String ADMIN_EMAIL = "admin@example.com";

    private static final String ADMIN_PASSWORD = "docs walk-through password";

    @Autowired
    private MongoConnectionDetails mongoDetails;

    @Autowired
    private JdbcConnectionDetails jdbcDetails;

    /**
     * Runs {@code create-admin} against this test's stores, reading the password from
     * standard input, as the README tells a newcomer to do before the first start.
     */
    private void createTheReadmeAdmin() {
        if (this.mongo.getCollection("users").countDocuments(new Document("email", ADMIN_EMAIL)) > 0) {
            return;
        }
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream((ADMIN_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
        try {
            int exit = CreateAdminCommand.run(DualdbApplication.class,
                    new String[] { "create-admin", "--email", ADMIN_EMAIL,
                            "--spring.mongodb.uri=" + this.mongoDetails.getConnectionString(),
                            "--spring.datasource.url=" + this.jdbcDetails.getJdbcUrl(),
                            "--spring.datasource.username=" + this.jdbcDetails.getUsername(),
                            "--spring.datasource.password=" + this.jdbcDetails.getPassword() });
            assertThat(exit).as("create-admin exit code").isZero();
        }
        finally {
            System.setIn(stdin);
        }
    }

    @Test
    void everyDocumentedExampleAnswersTheStatusItsExpectLineNames() throws Exception {
        createTheReadmeAdmin();
        Path log = Files.createTempFile("check-docs", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of("bash", "bench/check-docs.sh"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
            builder.environment().put("DUALDB_URL", "http://127.0.0.1:" + this.serverPort);
            builder.environment().put(CreateAdminCommand.PASSWORD_VARIABLE, ADMIN_PASSWORD);
            Process process = builder.start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String printed = Files.readString(log, StandardCharsets.UTF_8);

            assertThat(finished).as("bench/check-docs.sh finished within %d minutes:%n%s", TIMEOUT_MINUTES, printed)
                .isTrue();
            List<String> lines = printed.lines().toList();
            assertThat(lines).as(printed).isNotEmpty();
            assertThat(lines.get(lines.size() - 1)).as(printed).startsWith("check-docs: PASS");
            assertThat(process.exitValue()).as(printed).isZero();
            assertThat(printed).as("the examples of the README and of docs/api.md ran:%n%s", printed)
                .contains("  README.md: ")
                .contains("  docs/api.md: ");
        }
        finally {
            Files.deleteIfExists(log);
        }
    }

}
