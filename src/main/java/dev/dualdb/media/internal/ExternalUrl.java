package dev.dualdb.media.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import dev.dualdb.media.VideoType;
import dev.dualdb.system.InvalidInput;

/**
 * Checks a URL that a client asks us to record. It is stored and handed back to clients,
 * never fetched by the server, so the checks are about what a browser will do with it:
 * only absolute http(s) URLs without user info, and, for platform videos, the platform's
 * own hosts.
 */
public final class ExternalUrl {

    static final int MAX_LENGTH = 2048;

    private static final Set<String> YOUTUBE_HOSTS = Set.of("youtube.com", "www.youtube.com", "m.youtube.com",
            "youtu.be", "www.youtube-nocookie.com");

    private static final Set<String> VIMEO_HOSTS = Set.of("vimeo.com", "www.vimeo.com", "player.vimeo.com");

    private ExternalUrl() {
    }

    /**
     * Returns {@code url} if it is an absolute http or https URL; throws
     * {@link InvalidInput} otherwise.
     * @param url the URL the client gave
     * @return the URL as parsed
     */
    public static String check(String url) {
        URI uri = parse(url);
        return uri.toString();
    }

    /**
     * As {@link #check}, and the host must belong to the platform of {@code type}.
     * @param url the URL the client gave
     * @param type the platform the client says it is on
     * @return the URL as parsed
     */
    public static String checkVideo(String url, VideoType type) {
        URI uri = parse(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean matches = switch (type) {
            case YOUTUBE -> YOUTUBE_HOSTS.contains(host);
            case VIMEO -> VIMEO_HOSTS.contains(host);
            case EXTERNAL -> true;
            case UPLOAD ->
                throw new InvalidInput("invalid-video-type", "videoType UPLOAD needs a file upload, not a URL");
        };
        if (!matches) {
            throw new InvalidInput("invalid-url", "A " + type + " video must be on "
                    + type.name().toLowerCase(Locale.ROOT) + "'s own hosts, not " + host);
        }
        return uri.toString();
    }

    /**
     * The platform a video link is on, from its host: YouTube, Vimeo, or any other
     * ({@code EXTERNAL}). The URL must have passed {@link #check}.
     * @param url the link
     * @return the video type to record it as
     */
    public static VideoType platformOf(String url) {
        String host = parse(url).getHost().toLowerCase(Locale.ROOT);
        if (YOUTUBE_HOSTS.contains(host)) {
            return VideoType.YOUTUBE;
        }
        return VIMEO_HOSTS.contains(host) ? VideoType.VIMEO : VideoType.EXTERNAL;
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInput("invalid-url", "A URL is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new InvalidInput("invalid-url", "The URL is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        }
        catch (URISyntaxException ex) {
            throw new InvalidInput("invalid-url", "Not a valid URL: " + ex.getReason());
        }
        String scheme = (uri.getScheme() == null) ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidInput("invalid-url", "Only absolute http and https URLs are accepted");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidInput("invalid-url", "The URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInput("invalid-url", "URLs with user names or passwords are not accepted");
        }
        return uri;
    }

}
