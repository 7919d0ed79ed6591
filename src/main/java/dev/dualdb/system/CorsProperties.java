package dev.dualdb.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which other origins (browser apps served from elsewhere) may call the API and read
 * media, by CORS.
 *
 * @param allowedOrigins the origins allowed, each {@code scheme://host[:port]} exactly as
 * a browser sends it in {@code Origin} (no path, no trailing slash), or {@code *} for any
 * origin; empty (the default) allows no cross-origin access
 * @param allowCredentials whether a cross-origin request may carry cookies or HTTP
 * authentication and read the answer ({@code Access-Control-Allow-Credentials}); off by
 * default, as bearer tokens need no credentials mode; not allowed with {@code *}
 * @param maxAge how long a browser may cache the answer to a preflight
 * ({@code Access-Control-Max-Age}; browsers cap it, Chromium at two hours)
 */
@ConfigurationProperties("dualdb.cors")
record CorsProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("false") boolean allowCredentials,
        @DefaultValue("1h") Duration maxAge) {

    static final String ANY = "*";

    CorsProperties {
        allowedOrigins = (allowedOrigins != null)
                ? allowedOrigins.stream().map(String::strip).filter((origin) -> !origin.isEmpty()).toList() : List.of();
        allowedOrigins.forEach(CorsProperties::check);
        if (allowCredentials && allowedOrigins.contains(ANY)) {
            throw new IllegalArgumentException("dualdb.cors.allow-credentials=true cannot be used with "
                    + "dualdb.cors.allowed-origins=*: name the origins that may send credentials");
        }
        if (maxAge == null || maxAge.isNegative()) {
            throw new IllegalArgumentException("dualdb.cors.max-age must be zero or more");
        }
    }

    /**
     * Whether any other origin may read responses.
     * @return whether at least one origin is allowed
     */
    boolean crossOriginAllowed() {
        return !this.allowedOrigins.isEmpty();
    }

    private static void check(String origin) {
        if (origin.equals(ANY)) {
            return;
        }
        String problem = null;
        try {
            URI uri = new URI(origin);
            String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
            if (!scheme.equals("http") && !scheme.equals("https")) {
                problem = "it must start with http:// or https://";
            }
            else if (uri.getHost() == null || uri.getUserInfo() != null) {
                problem = "it must name a host, and nothing else before it";
            }
            else if (!uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                problem = "an origin has no path (not even a trailing /), query or fragment";
            }
        }
        catch (URISyntaxException ex) {
            problem = "it is not a URI";
        }
        if (problem != null) {
            throw new IllegalArgumentException("dualdb.cors.allowed-origins: '" + origin
                    + "' is not an origin (scheme://host[:port]): " + problem);
        }
    }

}
