package dev.dualdb.legacy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.dualdb.legacy.LegacyImportProperties;

/**
 * Where {@code --copy-bytes} reads bytes from: files under the allowed roots, and http(s)
 * URLs of allowed hosts only, fetched without following redirects, and only when every
 * address the host resolves to is public (a name on the allow-list that resolves to a
 * private, loopback or link-local address is refused). The JVM keeps the resolved
 * addresses for 30 seconds, so the fetch that follows the check connects to the addresses
 * that were checked.
 */
@Component
public class SourceBytes {

    private final Set<String> allowedHosts;

    private final List<Path> configuredRoots;

    private final LegacyImportProperties properties;

    private final HttpClient http;

    SourceBytes(LegacyImportProperties properties) {
        this.properties = properties;
        this.allowedHosts = properties.allowedHosts()
            .stream()
            .map((host) -> host.strip().toLowerCase(Locale.ROOT))
            .filter((host) -> !host.isEmpty())
            .collect(Collectors.toSet());
        this.configuredRoots = properties.fileRoots();
        this.http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(properties.connectTimeout())
            .build();
    }

    /**
     * Resolves a URL of a legacy document: absolute, protocol-relative ({@code https:} is
     * assumed), or relative to the mapping's base (a leading {@code /} included: the base
     * is the root of the old application's public files).
     * @param raw the URL as the document has it
     * @param relativeUrlBase the mapping's base for relative URLs, or {@code null}
     * @return the absolute URL
     * @throws SourceRefused ({@code invalid-url}) if it is not a URL, or relative with no
     * base
     */
    static URI resolve(String raw, String relativeUrlBase) {
        // Browsers accept a space in a URL (and legacy uploads often have one) and a
        // protocol-relative //host/path; both are made proper URLs first.
        String text = raw.strip().replace(" ", "%20");
        text = text.startsWith("//") ? "https:" + text : text;
        try {
            URI uri = new URI(text);
            if (uri.isAbsolute()) {
                return uri;
            }
            if (relativeUrlBase == null) {
                throw new SourceRefused("invalid-url",
                        "A relative URL, and the mapping has no relativeUrlBase: " + abbreviated(raw));
            }
            String path = uri.toString().startsWith("/") ? uri.toString().substring(1) : uri.toString();
            return new URI(relativeUrlBase.endsWith("/") ? relativeUrlBase : relativeUrlBase + "/").resolve(path);
        }
        catch (URISyntaxException ex) {
            throw new SourceRefused("invalid-url", "Not a valid URL (" + ex.getReason() + "): " + abbreviated(raw));
        }
    }

    /**
     * The file behind a {@code file:} URL, checked: it exists, is a regular file, and
     * lies under an allowed root.
     * @param uri the URL
     * @param relativeUrlBase the mapping's base, whose directory is the root when none is
     * configured
     * @return the real path of the file
     * @throws SourceRefused ({@code invalid-url}, {@code missing-file},
     * {@code not-a-file}, {@code file-outside-roots}, {@code unreadable-file})
     */
    Path file(URI uri, String relativeUrlBase) {
        Path path;
        try {
            if (uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty()) {
                throw new SourceRefused("invalid-url", "A file URL with a host is not a local file: " + uri);
            }
            path = Path.of(uri).normalize();
        }
        catch (IllegalArgumentException ex) {
            throw new SourceRefused("invalid-url", "Not a local file URL: " + uri);
        }
        Path real;
        try {
            real = path.toRealPath();
        }
        catch (NoSuchFileException ex) {
            throw new SourceRefused("missing-file", "No such file: " + path);
        }
        catch (IOException ex) {
            throw new SourceRefused("unreadable-file", "Cannot read " + path + ": " + ex.getMessage());
        }
        if (!Files.isRegularFile(real)) {
            throw new SourceRefused("not-a-file", "Not a regular file: " + path);
        }
        List<Path> roots = roots(relativeUrlBase);
        if (roots.stream().noneMatch(real::startsWith)) {
            throw new SourceRefused("file-outside-roots",
                    roots.isEmpty()
                            ? "No file root is configured (dualdb.legacy-import.file-roots): " + path + " is not read"
                            : path + " is outside the file roots " + roots);
        }
        if (!Files.isReadable(real)) {
            throw new SourceRefused("unreadable-file", "Cannot read " + path);
        }
        return real;
    }

    /**
     * Checks that an http(s) URL may be fetched: its host is allowed and resolves to
     * public addresses only.
     * @param uri the URL
     * @throws SourceRefused ({@code host-not-allowed}, {@code unknown-host},
     * {@code private-address}, {@code invalid-url})
     */
    void checkHost(URI uri) {
        String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : null;
        if (host == null || uri.getRawUserInfo() != null) {
            throw new SourceRefused("invalid-url", "An http(s) URL needs a host and no user name: " + uri);
        }
        if (!this.allowedHosts.contains(host)) {
            throw new SourceRefused("host-not-allowed", "The host " + host
                    + " is not in dualdb.legacy-import.allowed-hosts; its bytes are not fetched: " + abbreviated(uri));
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        }
        catch (UnknownHostException ex) {
            throw new SourceRefused("unknown-host", "The host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!PublicAddresses.isPublic(address)) {
                throw new SourceRefused("private-address", "The host " + host + " resolves to "
                        + address.getHostAddress() + ", which is not a public address; not fetched");
            }
        }
    }

    /**
     * Fetches an allowed http(s) URL (see {@link #checkHost}); the caller closes the
     * stream.
     * @param uri the URL
     * @return the body of a 200 answer
     * @throws SourceRefused ({@code redirect-refused}, {@code fetch-failed} and those of
     * {@link #checkHost})
     */
    InputStream fetch(URI uri) {
        checkHost(uri);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(this.properties.fetchTimeout()).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        }
        catch (IOException ex) {
            throw new SourceRefused("fetch-failed", "Fetching " + abbreviated(uri) + " failed: " + ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SourceRefused("fetch-failed", "Interrupted while fetching " + abbreviated(uri));
        }
        int status = response.statusCode();
        if (status != 200) {
            closeQuietly(response.body());
            if (status >= 300 && status < 400) {
                throw new SourceRefused("redirect-refused",
                        abbreviated(uri) + " answered " + status + " (a redirect, to "
                                + response.headers().firstValue("Location").orElse("nowhere")
                                + "); redirects are not followed");
            }
            throw new SourceRefused("fetch-failed", abbreviated(uri) + " answered " + status);
        }
        return response.body();
    }

    private List<Path> roots(String relativeUrlBase) {
        List<Path> roots = new ArrayList<>();
        List<Path> given = new ArrayList<>(this.configuredRoots);
        if (given.isEmpty() && relativeUrlBase != null && relativeUrlBase.startsWith("file:")) {
            try {
                given.add(Path.of(URI.create(relativeUrlBase)));
            }
            catch (IllegalArgumentException ex) {
                // Not a usable directory: no root.
            }
        }
        for (Path root : given) {
            try {
                roots.add(root.toRealPath());
            }
            catch (IOException ex) {
                // A root that does not exist holds no file.
            }
        }
        return roots;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        }
        catch (IOException ex) {
            // Nothing to do: the answer is refused anyway.
        }
    }

    static String abbreviated(Object url) {
        String text = String.valueOf(url);
        return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
    }

}
