package dev.dualdb.system;

import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for browser apps on other origins, from {@code dualdb.cors.*}: the origins
 * allowed, the methods and request headers the API takes, the response headers a script
 * may read (those of ranges, caching and downloads among them, so {@code fetch()} with
 * {@code Range}, {@code <video crossorigin>} and canvas reads work), whether credentials
 * may be sent, and how long a preflight answer may be cached. A request from an origin
 * not allowed, or a preflight asking for a method or header not allowed, is a
 * {@code 403 cross-origin-refused} problem with no {@code Access-Control-Allow-Origin}.
 * <p>
 * The configuration is the bean {@code corsConfigurationSource}, and the filter applying
 * it the bean {@code corsFilter}: the names Spring Security's
 * {@code http.cors(Customizer.withDefaults())} looks for (it takes {@code corsFilter}
 * first, so its refusals stay problems). Until a security filter chain runs that filter,
 * {@link #corsFilterRegistration} runs it as a servlet filter of its own.
 */
@Configuration(proxyBeanMethods = false)
class CrossOriginConfiguration {

    /**
     * Right after the browser headers, so that every later answer (a malformed query
     * string included) is readable by an allowed origin.
     */
    static final int ORDER = BrowserHeadersFilter.ORDER + 1;

    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            "Idempotency-Key", HttpHeaders.RANGE, HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_RANGE,
            HttpHeaders.IF_MODIFIED_SINCE, "Content-Digest", "Repr-Digest", "X-Request-Id");

    static final List<String> EXPOSED_HEADERS = List.of(HttpHeaders.CONTENT_RANGE, HttpHeaders.ACCEPT_RANGES,
            HttpHeaders.CONTENT_LENGTH, HttpHeaders.ETAG, HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.LOCATION,
            HttpHeaders.RETRY_AFTER, "Idempotent-Replayed", "X-Request-Id");

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        // Empty allows no origin: every cross-origin request is refused, preflight or
        // not.
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(METHODS);
        cors.setAllowedHeaders(REQUEST_HEADERS);
        cors.setExposedHeaders(EXPOSED_HEADERS);
        cors.setAllowCredentials(properties.allowCredentials());
        cors.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }

    @Bean
    CorsFilter corsFilter(CorsConfigurationSource corsConfigurationSource) {
        CorsFilter filter = new CorsFilter(corsConfigurationSource);
        filter.setCorsProcessor(new ProblemCorsProcessor());
        return filter;
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilterRegistration(CorsFilter corsFilter) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(corsFilter);
        registration.setOrder(ORDER);
        // Set to false once a security filter chain runs corsFilter (http.cors): keep the
        // bean, or Spring Boot registers the filter by itself again.
        registration.setEnabled(true);
        return registration;
    }

    @Bean
    CrossOriginResponses crossOriginResponses() {
        return new CrossOriginResponses();
    }

}
