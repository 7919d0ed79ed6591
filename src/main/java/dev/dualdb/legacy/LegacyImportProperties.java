package dev.dualdb.legacy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code java -jar dualdb.jar import} (docs/import.md).
 *
 * @param allowedHosts hosts whose http(s) URLs {@code --copy-bytes} may fetch (exact
 * names, case-insensitive); empty: only {@code file://} sources are copied. A host that
 * resolves to a private, loopback or link-local address is refused even when listed, and
 * redirects are never followed
 * @param fileRoots directories that {@code file://} sources must lie in (after resolving
 * {@code ..} and symbolic links); empty: the directory of the mapping's
 * {@code relativeUrlBase} when that is a {@code file:} URL, otherwise no file is copied
 * @param batchSize documents read and written per PostgreSQL transaction
 * @param connectTimeout how long a fetch from an allowed host may take to connect
 * @param fetchTimeout how long a fetch from an allowed host may take to answer
 */
@ConfigurationProperties("dualdb.legacy-import")
public record LegacyImportProperties(@DefaultValue List<String> allowedHosts, @DefaultValue List<Path> fileRoots,
        @DefaultValue("200") int batchSize, @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration fetchTimeout) {
}
