package dev.dualdb.observability;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dualdb.support.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the one setting {@code logging.structured.format.console=ecs} (the environment
 * variable {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}) every log line is a JSON
 * object, and the lines written during a request carry its id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "logging.structured.format.console=ecs", "logging.level.dev.dualdb.observability=debug" })
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogTests {

    @LocalServerPort
    int port;

    @Test
    void logLinesAreJsonAndCarryTheRequestId(CapturedOutput output) {
        new ApiClient(this.port).fetch("GET", "/api/products?page=0", "X-Request-Id", "trace-me-42");

        List<JsonNode> lines = output.getOut()
            .lines()
            .filter((line) -> line.startsWith("{"))
            .map((line) -> JsonMapper.shared().readTree(line))
            .toList();
        assertThat(lines).isNotEmpty();
        JsonNode access = lines.stream()
            .filter((line) -> line.path("message").asString("").startsWith("GET /api/products"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no access line in " + output.getOut()));
        assertThat(access.path("requestId").asString("")).isEqualTo("trace-me-42");
        assertThat(access.path("log").path("level").asString("")).isEqualTo("DEBUG");
        assertThat(output.getOut().lines().filter((line) -> line.contains("trace-me-42")))
            .allMatch((line) -> line.startsWith("{") && line.endsWith("}"));
    }

}
