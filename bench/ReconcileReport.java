import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the output of {@code java -jar dualdb.jar reconcile …} and prints one line of found/repaired per finding and
 * the total found. With {@code --expect-zero}, exits 1 unless every finding was found 0 times.
 *
 * <pre>java bench/ReconcileReport.java FILE [--expect-zero]</pre>
 */
public class ReconcileReport {

    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        boolean expectZero = List.of(args).contains("--expect-zero");
        Matcher matcher = Pattern.compile("\"(\\w+)\"\\s*:\\s*\\{\\s*\"found\"\\s*:\\s*(\\d+)\\s*,\\s*\"repaired\"\\s*:"
                + "\\s*(\\d+)").matcher(text);
        long totalFound = 0;
        List<String> parts = new ArrayList<>();
        while (matcher.find()) {
            long found = Long.parseLong(matcher.group(2));
            totalFound += found;
            parts.add(matcher.group(1) + " " + found + "/" + matcher.group(3));
        }
        if (parts.isEmpty()) {
            System.out.println("no report in " + args[0]);
            System.exit(1);
        }
        Matcher started = Pattern.compile("\"startedAt\"\\s*:\\s*\"([^\"]+)\"").matcher(text);
        Matcher finished = Pattern.compile("\"finishedAt\"\\s*:\\s*\"([^\"]+)\"").matcher(text);
        if (started.find() && finished.find()) {
            Duration run = Duration.between(Instant.parse(started.group(1)), Instant.parse(finished.group(1)));
            System.out.printf(Locale.ROOT, "reconciler run (startedAt to finishedAt): %.1f s%n", run.toMillis() / 1000.0);
        }
        System.out.println("found/repaired: " + String.join(", ", parts));
        System.out.println("total found: " + totalFound);
        System.exit(expectZero && totalFound != 0 ? 1 : 0);
    }
}
