import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the MongoDB side of bench/reconcile-million through the service's own route ({@code POST /api/products}),
 * several requests in flight, and writes the ids, one a line.
 *
 * <pre>java bench/MillionSeeder.java --url=… --count=50000 --threads=4 --out=FILE [--token=…]</pre>
 *
 * Creating a product needs an admin's access token: {@code --token=…} or, without it, the environment variable
 * {@code DUALDB_TOKEN} (bench/service.sh {@code login} exports it).
 */
public class MillionSeeder {

    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]{24})\"");

    public static void main(String[] args) throws Exception {
        String url = option(args, "url", null);
        int count = Integer.parseInt(option(args, "count", "50000"));
        int threads = Integer.parseInt(option(args, "threads", "4"));
        Path out = Path.of(option(args, "out", null));
        String token = option(args, "token", System.getenv("DUALDB_TOKEN"));
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no access token: --token=… or DUALDB_TOKEN");
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String[] ids = new String[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        String run = Long.toString(System.currentTimeMillis(), 36);
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count && failures.get() < 10) {
                    String json = "{\"name\":\"Million product " + i + "\",\"price\":1,\"sku\":\"m-" + run + "-" + i
                            + "\"}";
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                        URI.create(url + "/api/products")).timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + token).POST(BodyPublishers.ofString(json))
                                .build(), BodyHandlers.ofString());
                        Matcher matcher = ID.matcher(response.body());
                        if (response.statusCode() != 201 || !matcher.find()) {
                            failures.incrementAndGet();
                            System.err.println("POST /api/products answered " + response.statusCode() + ": "
                                    + response.body());
                            continue;
                        }
                        ids[i] = matcher.group(1);
                    }
                    catch (Exception e) {
                        failures.incrementAndGet();
                        System.err.println("POST /api/products failed: " + e);
                    }
                    if (i > 0 && i % 10000 == 0) {
                        System.out.printf(Locale.ROOT, "  %d products, %.0f s%n", i, (System.nanoTime() - start) / 1e9);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failures.get() > 0) {
            System.err.println(failures.get() + " products could not be created");
            System.exit(1);
        }
        Files.write(out, List.of(ids));
        System.out.printf(Locale.ROOT, "created %d products in %.1f s (%.0f/s, %d clients)%n", count, seconds,
                count / seconds, threads);
    }

    static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException("--" + name + "= is required");
        }
        return fallback;
    }
}
