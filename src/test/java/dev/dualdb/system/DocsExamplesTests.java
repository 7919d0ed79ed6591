package dev.dualdb.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.dualdb.support.ApiTest;

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

    @Test
    void everyDocumentedExampleAnswersTheStatusItsExpectLineNames() throws Exception {
        Path log = Files.createTempFile("check-docs", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of("bash", "bench/check-docs.sh"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
            builder.environment().put("DUALDB_URL", "http://127.0.0.1:" + this.serverPort);
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
