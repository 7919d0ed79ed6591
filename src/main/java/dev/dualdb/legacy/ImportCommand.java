package dev.dualdb.legacy;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.dualdb.legacy.internal.ImportAlreadyRunning;
import dev.dualdb.legacy.internal.ImportOptions;
import dev.dualdb.legacy.internal.ImportTally;
import dev.dualdb.legacy.internal.LegacyImporter;
import dev.dualdb.legacy.internal.LegacyMapping;
import dev.dualdb.legacy.internal.MappingRefused;

/**
 * {@code java -jar dualdb.jar import [--mapping=FILE] [--copy-bytes] [--dry-run]
 * [--limit=N] [--no-progress] [--setting=value …]}: writes the media rows for the media
 * that the documents of an existing (Node/Mongoose) catalog embed, leaving the documents
 * as they are, then prints a report. Progress goes to standard error (a bar on a
 * terminal, plain lines otherwise), the report to standard output. Exit code 0 when
 * everything found was imported (or had been), 3 when some items failed (listed in the
 * report; a re-run tries them again), 2 for a usage or mapping error or when another
 * import is running, 1 when a store failed (a re-run finishes). See docs/import.md.
 */
public final class ImportCommand {

    private static final Set<String> FLAGS = Set.of("--copy-bytes", "--dry-run", "--no-progress");

    private static final String USAGE = "Usage: import [--mapping=FILE] [--copy-bytes] [--dry-run] [--limit=N]"
            + " [--no-progress] [--setting=value …]  (see docs/import.md)";

    private ImportCommand() {
    }

    public static int run(Class<?> application, String[] args) {
        List<String> arguments = List.of(args).subList(Math.min(1, args.length), args.length);
        String mappingFile = option(arguments, "--mapping");
        String limitText = option(arguments, "--limit");
        for (String argument : arguments) {
            if (!FLAGS.contains(argument) && !(argument.startsWith("--") && argument.contains("="))) {
                System.err.println("Unknown argument " + argument + ". " + USAGE);
                return 2;
            }
        }
        long limit;
        try {
            limit = (limitText != null) ? Long.parseLong(limitText) : 0;
        }
        catch (NumberFormatException ex) {
            System.err.println("--limit takes a number of documents. " + USAGE);
            return 2;
        }
        LegacyMapping mapping;
        try {
            mapping = LegacyMapping.load((mappingFile != null) ? Path.of(mappingFile) : null);
        }
        catch (MappingRefused ex) {
            System.err.println("Mapping refused: " + ex.getMessage());
            return 2;
        }
        boolean dryRun = arguments.contains("--dry-run");
        PrintStream progress = arguments.contains("--no-progress") ? null : System.err;
        ImportOptions options = new ImportOptions(mapping, arguments.contains("--copy-bytes"), dryRun, limit, progress,
                System.console() != null, System.out);
        String[] settings = arguments.stream()
            .filter((argument) -> argument.startsWith("--") && argument.contains("=")
                    && !argument.startsWith("--mapping=") && !argument.startsWith("--limit="))
            .toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
            .web(WebApplicationType.NONE)
            .properties("dualdb.reconciler.scheduled=false", "spring.main.banner-mode=off", "logging.level.root=WARN",
                    "logging.level.de.bwaldvogel=ERROR")
            .run(settings)) {
            System.err.println("Importing" + (dryRun ? " (dry run: nothing is written)" : "")
                    + (options.copyBytes() ? ", copying bytes" : ", recording URLs") + " …");
            ImportTally tally = context.getBean(LegacyImporter.class).run(options);
            System.out.print(tally.report());
            if (tally.aborted()) {
                return 1;
            }
            return (tally.failures() > 0) ? 3 : 0;
        }
        catch (ImportAlreadyRunning ex) {
            System.err.println(ex.getMessage());
            return 2;
        }
        catch (RuntimeException ex) {
            System.err.println("Import failed: " + ex.getMessage());
            return 1;
        }
    }

    private static String option(List<String> arguments, String name) {
        for (String argument : arguments) {
            if (argument.startsWith(name + "=")) {
                return argument.substring(name.length() + 1);
            }
        }
        return null;
    }

}
