package dev.dualdb.consistency;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualdb.DualdbApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar dualdb.jar reconcile …}: runs once against the configured stores,
 * prints progress and a report.
 */
class ReconcileCommandTests {

    @TempDir
    Path blobs;

    @Test
    void aDryRunPrintsProgressAndTheReportAndExitsWithZero() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exitCode;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exitCode = ReconcileCommand.run(DualdbApplication.class, new String[] { "reconcile", "--dry-run",
                    "--dualdb.embedded.persistent=false", "--dualdb.storage.local.directory=" + this.blobs });
        }
        finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);

        assertThat(exitCode).as(output).isZero();
        assertThat(output).contains("Reconciling (dry run)")
            .contains("orphan rows:")
            .contains("\"dryRun\" : true")
            .contains("\"orphanRows\"")
            .contains("\"strayBytes\"");
    }

}
