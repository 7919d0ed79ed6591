package dev.dualdb.observability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The parts of the metrics filter a full run does not reach easily: problems written by
 * other filters through a writer, a store outage, an exception that escapes.
 */
class TrafficMetricsFilterTests {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    private final TrafficMetricsFilter filter = new TrafficMetricsFilter(this.metrics, JsonMapper.shared());

    private static final byte[] BODY = "--x\r\n0123456789\r\n--x--\r\n".getBytes(StandardCharsets.US_ASCII);

    private static MockHttpServletRequest upload() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/products/1/images");
        request.setContentType("multipart/form-data; boundary=x");
        request.setContent(BODY);
        return request;
    }

    private static FilterChain problem(int status, String code) {
        return (request, response) -> {
            request.getInputStream().readAllBytes();
            request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/products/{id}/images");
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(status);
            http.setContentType("application/problem+json");
            // As the filters that answer on their own do: through the writer, unflushed.
            http.getWriter().write("{\"status\":" + status + ",\"code\":\"" + code + "\"}");
        };
    }

    @Test
    void aProblemWrittenThroughTheWriterIsCountedByItsCodeAndStillSent() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        this.filter.doFilter(upload(), response, problem(503, "media-store-unavailable"));

        assertThat(response.getContentAsString()).contains("media-store-unavailable");
        assertThat(this.metrics.get("dualdb.uploads")
            .tags("code", "media-store-unavailable", "outcome", "failed", "status", "503", "route",
                    "/api/products/{id}/images")
            .counter()
            .count()).isEqualTo(1);
        assertThat(this.metrics.get("dualdb.upload.bytes").counter().count()).isEqualTo(BODY.length);
        assertThat(this.metrics.get("dualdb.store.errors")
            .tags("store", "postgresql", "code", "media-store-unavailable")
            .counter()
            .count()).isEqualTo(1);
        assertThat(this.metrics.get("dualdb.store.errors").tags("store", "blob").counter().count()).isZero();
    }

    @Test
    void anExceptionThatEscapesIsAFailedUpload() {
        FilterChain failing = (request, response) -> {
            throw new IllegalStateException("boom");
        };

        assertThatIllegalStateException()
            .isThrownBy(() -> this.filter.doFilter(upload(), new MockHttpServletResponse(), failing));

        assertThat(this.metrics.get("dualdb.uploads")
            .tags("status", "500", "outcome", "failed", "route", "unmatched")
            .counter()
            .count()).isEqualTo(1);
    }

    @Test
    void onlyUploadsAndDeliveriesAreMetered() throws ServletException, IOException {
        MockHttpServletRequest json = new MockHttpServletRequest("POST", "/api/products");
        json.setContentType("application/json");

        this.filter.doFilter(json, new MockHttpServletResponse(), (request, response) -> {
        });

        assertThat(this.metrics.find("dualdb.uploads").counters()).isEmpty();
        assertThat(this.metrics.find("dualdb.deliveries").counters()).isEmpty();
    }

}
