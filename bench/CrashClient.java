import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

/**
 * The client of bench/crash-test (JDK only).
 *
 * <pre>
 * java bench/CrashClient.java products --url=… --count=8 --out=FILE          creates products, one id a line
 * java bench/CrashClient.java upload --url=… --products=FILE --acks=FILE --threads=4 --stop-file=PATH
 *                                    --max-seconds=900                        uploads until PATH exists
 * java bench/CrashClient.java verify --url=… --acks=FILE                     every acknowledged upload readable?
 * (products and upload also take [--token=…])
 * </pre>
 *
 * {@code products} and {@code upload} need an admin's access token: {@code --token=…} or, without it, the
 * environment variable {@code DUALDB_TOKEN} (bench/service.sh {@code login} exports it); {@code verify} reads
 * anonymously.
 *
 * An upload is acknowledged when the service answered 201; its media id, the SHA-256 of the bytes sent and the
 * product go to the acks file at once (one line each, flushed), so the file is complete whenever the service dies.
 */
public class CrashClient {

    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        String mode = args.length == 0 ? "" : args[0];
        int code = switch (mode) {
            case "products" -> products(o);
            case "upload" -> upload(o);
            case "verify" -> verify(o);
            default -> {
                System.err.println("usage: products | upload | verify (see the source)");
                yield 2;
            }
        };
        System.exit(code);
    }

    static String token(Map<String, String> o) {
        String token = o.getOrDefault("token", System.getenv("DUALDB_TOKEN"));
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no access token: --token=… or DUALDB_TOKEN");
        }
        return "Bearer " + token;
    }

    static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    // ---- products ------------------------------------------------------------------------------------------------

    static int products(Map<String, String> o) throws Exception {
        HttpClient http = http();
        String authorization = token(o);
        int count = Integer.parseInt(o.getOrDefault("count", "8"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String json = "{\"name\":\"Crash test product " + i + "\",\"price\":1,\"sku\":\"crash-"
                    + System.currentTimeMillis() + "-" + i + "\"}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(o.get("url") + "/api/products"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", authorization).POST(BodyPublishers.ofString(json)).build(), BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                System.err.println("POST /api/products answered " + response.statusCode() + ": " + response.body());
                return 1;
            }
            ids.add(first(ID, response.body()));
        }
        Files.write(Path.of(o.get("out")), ids);
        System.out.println("created " + ids.size() + " products");
        return 0;
    }

    // ---- upload --------------------------------------------------------------------------------------------------

    static int upload(Map<String, String> o) throws Exception {
        String url = o.get("url");
        String authorization = token(o);
        List<String> products = Files.readAllLines(Path.of(o.get("products")));
        Path stopFile = Path.of(o.get("stop-file"));
        int threads = Integer.parseInt(o.getOrDefault("threads", "4"));
        long deadline = System.nanoTime() + Long.parseLong(o.getOrDefault("max-seconds", "900")) * 1_000_000_000L;
        HttpClient http = http();
        AtomicLong attempts = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong cutOff = new AtomicLong();
        Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();
        Map<String, String> sampleBodies = new ConcurrentHashMap<>();
        long run = System.nanoTime();
        try (BufferedWriter acks = Files.newBufferedWriter(Path.of(o.get("acks")), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread worker = new Thread(() -> {
                    SplittableRandom random = new SplittableRandom(run * 31 + thread);
                    long sequence = 0;
                    while (!Files.exists(stopFile) && System.nanoTime() < deadline) {
                        String product = products.get(random.nextInt(products.size()));
                        byte[] image;
                        String sha;
                        try {
                            // Distinct pixels for every upload: seeded by run, thread and sequence number.
                            image = jpeg(320, 240, 16, run ^ ((long) thread << 48) ^ sequence++);
                            sha = sha256(image);
                        }
                        catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        String boundary = "crash" + Long.toHexString(random.nextLong());
                        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; "
                                + "filename=\"crash-" + thread + "-" + sequence + ".jpg\"\r\nContent-Type: image/jpeg"
                                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
                        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
                        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/products/" + product
                                        + "/images"))
                                .timeout(Duration.ofSeconds(30)).header("Authorization", authorization)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(BodyPublishers.concat(BodyPublishers.ofByteArray(head),
                                        BodyPublishers.ofByteArray(image), BodyPublishers.ofByteArray(tail)))
                                .build();
                        attempts.incrementAndGet();
                        try {
                            HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
                            String status = String.valueOf(response.statusCode());
                            byStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                            if (response.statusCode() == 201) {
                                String media = first(ID, response.body());
                                synchronized (acks) {
                                    acks.write(media + " " + sha + " " + product + "\n");
                                    acks.flush();
                                }
                                acknowledged.incrementAndGet();
                            }
                            else {
                                sampleBodies.putIfAbsent(status, response.body());
                                pause(200);
                            }
                        }
                        catch (java.net.ConnectException e) {
                            // The service is down: nothing was sent.
                            refused.incrementAndGet();
                            pause(100);
                        }
                        catch (IOException e) {
                            // Cut off (killed mid-request) or timed out: not acknowledged, outcome unknown.
                            cutOff.incrementAndGet();
                            pause(100);
                        }
                        catch (InterruptedException e) {
                            return;
                        }
                        catch (Exception e) {
                            byStatus.computeIfAbsent("client error " + e.getClass().getSimpleName(),
                                    s -> new AtomicLong()).incrementAndGet();
                        }
                    }
                }, "uploader-" + t);
                worker.start();
                workers.add(worker);
            }
            for (Thread worker : workers) {
                worker.join();
            }
        }
        System.out.printf(Locale.ROOT, "uploads: %d attempted in %.0f s: %d acknowledged (201); %d refused (service "
                + "down); %d cut off or timed out without an answer; answers by status %s%n", attempts.get(),
                (System.nanoTime() - run) / 1e9, acknowledged.get(), refused.get(), cutOff.get(),
                new TreeMap<>(toLongs(byStatus)));
        sampleBodies.forEach((status, body) -> System.out.println("  first " + status + " answer: "
                + body.substring(0, Math.min(300, body.length()))));
        return 0;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- verify --------------------------------------------------------------------------------------------------

    /**
     * Every acknowledged upload: GET /media/{id} answers 200 with ETag and body hash equal to the SHA-256 recorded at
     * upload time, and the image is listed by GET /api/products/{product}.
     */
    static int verify(Map<String, String> o) throws Exception {
        String url = o.get("url");
        HttpClient http = http();
        List<String> lines = Files.readAllLines(Path.of(o.get("acks")));
        Map<String, Set<String>> listed = new HashMap<>();
        long ok = 0;
        long lost = 0;
        long wrong = 0;
        long unlisted = 0;
        List<String> problems = new ArrayList<>();
        for (String line : lines) {
            String[] ack = line.trim().split(" ");
            if (ack.length != 3) {
                continue;
            }
            String media = ack[0];
            String sha = ack[1];
            String product = ack[2];
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url + "/media/" + media))
                    .timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofByteArray());
            String etag = response.headers().firstValue("ETag").orElse("");
            if (response.statusCode() == 404) {
                lost++;
                problems.add("LOST " + media + " (404) product " + product);
                continue;
            }
            if (response.statusCode() != 200 || !etag.equals("\"" + sha + "\"")
                    || !sha256(response.body()).equals(sha)) {
                wrong++;
                problems.add("WRONG " + media + ": status " + response.statusCode() + ", ETag " + etag + ", body "
                        + sha256(response.body()) + ", expected " + sha);
                continue;
            }
            Set<String> images = listed.computeIfAbsent(product, p -> imagesOf(http, url, p));
            if (!images.contains(media)) {
                unlisted++;
                problems.add("UNLISTED " + media + " is not among the images of product " + product);
                continue;
            }
            ok++;
        }
        System.out.printf(Locale.ROOT, "verify: %d acknowledged uploads; %d readable with the right bytes and listed "
                + "by their product; lost %d; wrong bytes %d; not listed %d%n", lines.size(), ok, lost, wrong, unlisted);
        problems.stream().limit(20).forEach(p -> System.out.println("  " + p));
        return lost + wrong + unlisted == 0 ? 0 : 1;
    }

    static Set<String> imagesOf(HttpClient http, String url, String product) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/products/"
                    + product)).timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofString());
            Set<String> ids = new HashSet<>();
            Matcher matcher = ID.matcher(response.body());
            while (matcher.find()) {
                ids.add(matcher.group(1));
            }
            return ids;
        }
        catch (Exception e) {
            return Set.of();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    static byte[] jpeg(int width, int height, int noise, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = new int[width * height];
        double fx = 0.005 + random.nextDouble() * 0.05;
        double fy = 0.005 + random.nextDouble() * 0.05;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int base = (int) (128 + 60 * Math.sin(x * fx) + 60 * Math.cos(y * fy));
                int n = random.nextInt(noise * 2 + 1) - noise;
                pixels[y * width + x] = clamp(base + n) << 16 | clamp(base / 2 + x * 255 / width + n) << 8
                        | clamp(255 - base + n);
            }
        }
        image.setRGB(0, 0, width, height, pixels, 0, width);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return matcher.group(1);
    }

    static Map<String, Long> toLongs(Map<String, AtomicLong> counters) {
        Map<String, Long> values = new HashMap<>();
        counters.forEach((key, value) -> values.put(key, value.get()));
        return values;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                options.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "" : arg.substring(eq + 1));
            }
        }
        return options;
    }
}
