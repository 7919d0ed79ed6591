package dev.dualdb.system;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * The headers that tell a browser what it may do with a response, decided once at
 * start-up. Every response gets the API's ({@link BrowserHeadersFilter} sets them before
 * anything answers): {@code nosniff}, {@code frame-ancestors 'none'} (no other page may
 * frame it), {@code no-referrer}, and {@code Cross-Origin-Resource-Policy: same-origin}
 * (no other origin may load it without CORS). A response carrying stored media bytes
 * replaces two of them ({@link #applyToMedia}):
 * <ul>
 * <li>{@code Content-Security-Policy: sandbox} (the bytes run no script and reach no
 * other document of our origin, whatever they are), plus {@code default-src 'none'} for
 * what a browser does not render inline (anything but images, videos and PDF, SVG
 * included), so nothing such a document loads is fetched either; an image, a video or a
 * PDF opened on its own is a document whose one resource is the bytes themselves, which
 * {@code default-src 'none'} would block;</li>
 * <li>{@code Cross-Origin-Resource-Policy: cross-origin} when other origins are allowed
 * ({@code dualdb.cors.allowed-origins} not empty), so their {@code <img>} and
 * {@code <video>} without {@code crossorigin} work too; {@code same-origin}
 * otherwise.</li>
 * </ul>
 * Media is not given {@code frame-ancestors}: a course page may show a PDF in a frame.
 */
@Component
public class BrowserPolicy {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

    static final String REFERRER_POLICY = "Referrer-Policy";

    static final String RESOURCE_POLICY = "Cross-Origin-Resource-Policy";

    static final String NOSNIFF = "nosniff";

    static final String API_CONTENT_SECURITY_POLICY = "frame-ancestors 'none'";

    static final String NO_REFERRER = "no-referrer";

    static final String SAME_ORIGIN = "same-origin";

    static final String CROSS_ORIGIN = "cross-origin";

    static final String MEDIA_SHOWN_INLINE = "sandbox";

    static final String MEDIA_OTHER = "sandbox; default-src 'none'";

    private final String mediaResourcePolicy;

    BrowserPolicy(CorsProperties cors) {
        this.mediaResourcePolicy = (cors.crossOriginAllowed()) ? CROSS_ORIGIN : SAME_ORIGIN;
    }

    /**
     * Sets the headers of a response carrying stored media bytes, over those every
     * response gets.
     * @param response the response, not yet committed
     * @param shownInline whether the bytes are of a type a browser renders itself (an
     * image but SVG, a video, a PDF), as {@code Content-Disposition} decides
     */
    public void applyToMedia(HttpServletResponse response, boolean shownInline) {
        response.setHeader(CONTENT_SECURITY_POLICY, (shownInline) ? MEDIA_SHOWN_INLINE : MEDIA_OTHER);
        response.setHeader(RESOURCE_POLICY, this.mediaResourcePolicy);
        response.setHeader(CONTENT_TYPE_OPTIONS, NOSNIFF);
    }

    /**
     * Sets the headers every API response gets, replacing any set before.
     * @param response the response, not yet committed
     */
    static void applyToApi(HttpServletResponse response) {
        response.setHeader(CONTENT_TYPE_OPTIONS, NOSNIFF);
        response.setHeader(CONTENT_SECURITY_POLICY, API_CONTENT_SECURITY_POLICY);
        response.setHeader(REFERRER_POLICY, NO_REFERRER);
        response.setHeader(RESOURCE_POLICY, SAME_ORIGIN);
    }

    /**
     * Sets those of the API's headers that are missing (for an answer whose headers may
     * have been set, or dropped, by whoever answered before).
     * @param response the response, not yet committed
     */
    static void completeApi(HttpServletResponse response) {
        setIfMissing(response, CONTENT_TYPE_OPTIONS, NOSNIFF);
        setIfMissing(response, CONTENT_SECURITY_POLICY, API_CONTENT_SECURITY_POLICY);
        setIfMissing(response, REFERRER_POLICY, NO_REFERRER);
        setIfMissing(response, RESOURCE_POLICY, SAME_ORIGIN);
    }

    private static void setIfMissing(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }

}
