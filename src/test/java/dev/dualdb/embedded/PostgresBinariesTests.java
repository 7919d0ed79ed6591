package dev.dualdb.embedded;

import java.io.IOException;
import java.io.InputStream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default build carries PostgreSQL binaries for every machine the two commands must
 * run on. Only linux-amd64 can be started here; for the others this proves the embedded
 * server finds an archive for them (on an ARM Mac, the universal macOS archive of the
 * darwin-amd64 artifact).
 */
class PostgresBinariesTests {

    @ParameterizedTest
    @CsvSource({ "Linux, x86_64", "Linux, aarch64", "Darwin, x86_64", "Darwin, aarch64" })
    void binariesAreFoundForEachSupportedPlatform(String system, String architecture) throws IOException {
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture)) {
            assertThat(archive).isNotNull();
            // An xz stream: the archive is really there, not an empty placeholder.
            assertThat(archive.readNBytes(6)).containsExactly(0xFD, '7', 'z', 'X', 'Z', 0x00);
        }
    }

}
