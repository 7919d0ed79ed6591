package dev.dualdb.legacy.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualdb.legacy.LegacyImportProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where {@code --copy-bytes} may read from: public addresses of allowed hosts only, files
 * inside the roots only (symbolic links resolved), and how legacy URLs are resolved.
 */
class SourceBytesTests {

    @TempDir
    Path directory;

    @Test
    void onlyPublicAddressesArePublic() throws IOException {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fc00::1", "fd12::1", "::ffff:127.0.0.1",
                "::ffff:10.0.0.1", "::127.0.0.1")) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
        for (String address : List.of("93.184.216.34", "8.8.8.8", "2606:2800:220:1::1")) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
    }

    @Test
    void aHostMustBeAllowedAndResolveToPublicAddressesOnly() {
        SourceBytes sources = sources(List.of("localhost", "127.0.0.1"), List.of());

        assertRefused(() -> sources.checkHost(URI.create("https://cdn.example.com/a.jpg")), "host-not-allowed");
        assertRefused(() -> sources.checkHost(URI.create("http://localhost:8080/a.jpg")), "private-address");
        assertRefused(() -> sources.checkHost(URI.create("http://127.0.0.1/a.jpg")), "private-address");
        assertRefused(() -> sources.fetch(URI.create("http://LOCALHOST/a.jpg")), "private-address");
        assertRefused(() -> sources.checkHost(URI.create("http://user:pw@localhost/a.jpg")), "invalid-url");
    }

    @Test
    void filesAreReadFromInsideTheRootsOnlyEvenThroughALink() throws IOException {
        Path root = Files.createDirectories(this.directory.resolve("public"));
        Path inside = Files.writeString(root.resolve("a.txt"), "a");
        Path secret = Files.writeString(this.directory.resolve("secret.txt"), "s");
        Path link = Files.createSymbolicLink(root.resolve("link.txt"), secret);
        SourceBytes sources = sources(List.of(), List.of(root));

        assertThat(sources.file(inside.toUri(), null)).isEqualTo(inside.toRealPath());
        assertRefused(() -> sources.file(secret.toUri(), null), "file-outside-roots");
        assertRefused(() -> sources.file(link.toUri(), null), "file-outside-roots");
        assertRefused(() -> sources.file(URI.create(root.toUri() + "../secret.txt"), null), "file-outside-roots");
        assertRefused(() -> sources.file(root.resolve("none.txt").toUri(), null), "missing-file");
        assertRefused(() -> sources.file(root.toUri(), null), "not-a-file");
        assertRefused(() -> sources.file(URI.create("file://server/share/a.txt"), null), "invalid-url");
        assertRefused(() -> sources(List.of(), List.of()).file(inside.toUri(), null), "file-outside-roots");
        assertThat(sources(List.of(), List.of()).file(inside.toUri(), root.toUri().toString()))
            .as("the directory of a file: relativeUrlBase is the root when none is configured")
            .isEqualTo(inside.toRealPath());
    }

    @Test
    void legacyUrlsAreResolvedAsABrowserWould() {
        assertThat(SourceBytes.resolve(" https://cdn.example.com/a b.jpg ", null))
            .isEqualTo(URI.create("https://cdn.example.com/a%20b.jpg"));
        assertThat(SourceBytes.resolve("//cdn.example.com/a.jpg", null))
            .isEqualTo(URI.create("https://cdn.example.com/a.jpg"));
        assertThat(SourceBytes.resolve("/uploads/a.jpg", "file:///srv/shop/public"))
            .isEqualTo(URI.create("file:///srv/shop/public/uploads/a.jpg"));
        assertThat(SourceBytes.resolve("uploads/a.jpg", "https://shop.example.com/"))
            .isEqualTo(URI.create("https://shop.example.com/uploads/a.jpg"));
        assertRefused(() -> SourceBytes.resolve("/uploads/a.jpg", null), "invalid-url");
        assertRefused(() -> SourceBytes.resolve("http://exa mple.com/<a>", null), "invalid-url");
    }

    private static SourceBytes sources(List<String> hosts, List<Path> roots) {
        return new SourceBytes(
                new LegacyImportProperties(hosts, roots, 200, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }

    private static void assertRefused(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SourceRefused.class,
                (refused) -> assertThat(refused.code()).as(refused.getMessage()).isEqualTo(code));
    }

}
