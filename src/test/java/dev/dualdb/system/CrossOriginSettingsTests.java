package dev.dualdb.system;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.cors.CorsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The {@code dualdb.cors.*} settings: what they accept, and that with none set no other
 * origin may read anything.
 */
class CrossOriginSettingsTests {

    @Test
    void withNoOriginsNoOtherOriginIsAllowedAndMediaStaysSameOrigin() {
        CorsProperties none = new CorsProperties(null, false, Duration.ofHours(1));
        CorsConfiguration cors = configuration(none);

        assertThat(none.allowedOrigins()).isEmpty();
        assertThat(cors.checkOrigin("https://app.example.com")).isNull();
        assertThat(cors.getAllowCredentials()).isFalse();
        MockHttpServletResponse media = new MockHttpServletResponse();
        new BrowserPolicy(none).applyToMedia(media, true);
        assertThat(media.getHeader("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
    }

    @Test
    void allowedOriginsAreExactlyThoseListed() {
        CorsProperties listed = new CorsProperties(List.of(" https://app.example.com ", "http://localhost:5173", ""),
                true, Duration.ofMinutes(10));
        CorsConfiguration cors = configuration(listed);

        assertThat(listed.allowedOrigins()).containsExactly("https://app.example.com", "http://localhost:5173");
        assertThat(cors.checkOrigin("https://app.example.com")).isEqualTo("https://app.example.com");
        assertThat(cors.checkOrigin("http://localhost:5173")).isEqualTo("http://localhost:5173");
        assertThat(cors.checkOrigin("http://app.example.com")).isNull();
        assertThat(cors.checkOrigin("https://app.example.com.evil.example")).isNull();
        assertThat(cors.getAllowCredentials()).isTrue();
        assertThat(cors.getMaxAge()).isEqualTo(600);
        MockHttpServletResponse media = new MockHttpServletResponse();
        new BrowserPolicy(listed).applyToMedia(media, false);
        assertThat(media.getHeader("Cross-Origin-Resource-Policy")).isEqualTo("cross-origin");
        assertThat(media.getHeader("Content-Security-Policy")).isEqualTo("sandbox; default-src 'none'");
    }

    @Test
    void settingsThatCannotWorkStopTheStart() {
        for (String notAnOrigin : List.of("https://app.example.com/", "https://app.example.com/app", "app.example.com",
                "ftp://app.example.com", "https://user@app.example.com", "https://app.example.com?x=1")) {
            assertThatIllegalArgumentException()
                .isThrownBy(() -> new CorsProperties(List.of(notAnOrigin), false, Duration.ofHours(1)))
                .withMessageContaining(notAnOrigin);
        }
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new CorsProperties(List.of("*"), true, Duration.ofHours(1)))
            .withMessageContaining("allow-credentials");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new CorsProperties(List.of(), false, Duration.ofSeconds(-1)));
        assertThat(configuration(new CorsProperties(List.of("*"), false, Duration.ofHours(1)))
            .checkOrigin("https://anywhere.example")).isEqualTo("*");
    }

    private static CorsConfiguration configuration(CorsProperties properties) {
        return new CrossOriginConfiguration().corsConfigurationSource(properties)
            .getCorsConfiguration(new MockHttpServletRequest("GET", "/api/products"));
    }

}
