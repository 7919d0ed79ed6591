import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

/**
 * The client of bench/multi-instance (JDK only).
 *
 * <pre>
 * java bench/MultiClient.java setup --url=… --products=8 --out=DIR
 *      creates products (DIR/products.txt) and a course with one video by URL (DIR/video.txt: course video)
 * java bench/MultiClient.java load --url=… --dir=DIR --threads=6 --seconds=60 [--stop-file=PATH]
 *      [--mix=upload:40,read:40,delete:5,view:15] [--timeout-seconds=120] [--label=…] [--timeline=FILE]
 *      mixed traffic; acknowledged uploads to DIR/acks.txt, deletions to DIR/deleted.txt, every request to
 *      FILE (default DIR/timeline.txt: start ms, end ms, operation, status, Retry-After present 1/0); a
 *      summary line at the end
 * java bench/MultiClient.java verify --url=… --dir=DIR
 *      every acknowledged upload not deleted: 200, ETag and body SHA-256 as uploaded; every deleted one: 404
 * java bench/MultiClient.java idempotency --urls=A,B --dir=DIR --rounds=10
 *      the same Idempotency-Key sent to two instances at once, for a product create and an image upload;
 *      one line per round to DIR/idempotency.txt
 * </pre>
 *
 * Writes need an admin's access token: {@code DUALDB_TOKEN} (bench/service.sh {@code login} exports it).
 */
public class MultiClient {

    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int code = switch (args.length == 0 ? "" : args[0]) {
            case "setup" -> setup(o);
            case "load" -> new Load(o).run();
            case "verify" -> verify(o);
            case "idempotency" -> idempotency(o);
            default -> {
                System.err.println("usage: setup | load | verify | idempotency (see the source)");
                yield 2;
            }
        };
        System.exit(code);
    }

    static String authorization() {
        String token = System.getenv("DUALDB_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no access token in DUALDB_TOKEN");
        }
        return "Bearer " + token;
    }

    static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static HttpRequest.Builder request(String url, long timeoutSeconds) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(timeoutSeconds));
    }

    static HttpResponse<String> postJson(HttpClient http, String url, String json) throws Exception {
        return http.send(request(url, 60).header("Authorization", authorization())
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)).build(),
                BodyHandlers.ofString());
    }

    // ---- setup ---------------------------------------------------------------------------------------------------

    static int setup(Map<String, String> o) throws Exception {
        HttpClient http = http();
        String url = o.get("url");
        Path dir = Path.of(o.get("out"));
        int count = Integer.parseInt(o.getOrDefault("products", "8"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> created = postJson(http, url + "/api/products", "{\"name\":\"Multi-instance product "
                    + i + "\",\"price\":1,\"sku\":\"multi-" + System.currentTimeMillis() + "-" + i + "\"}");
            if (created.statusCode() != 201) {
                System.err.println("POST /api/products answered " + created.statusCode() + ": " + created.body());
                return 1;
            }
            ids.add(first(ID, created.body()));
        }
        Files.write(dir.resolve("products.txt"), ids);
        HttpResponse<String> course = postJson(http, url + "/api/courses",
                "{\"title\":\"Multi-instance course\",\"price\":0,\"currency\":\"EUR\",\"level\":\"BEGINNER\"}");
        if (course.statusCode() != 201) {
            System.err.println("POST /api/courses answered " + course.statusCode() + ": " + course.body());
            return 1;
        }
        String courseId = first(ID, course.body());
        HttpResponse<String> video = postJson(http, url + "/api/courses/" + courseId + "/videos",
                "{\"videoType\":\"EXTERNAL\",\"videoUrl\":\"https://cdn.example.com/multi.mp4\",\"title\":\"Watched\"}");
        if (video.statusCode() != 201) {
            System.err.println("POST …/videos answered " + video.statusCode() + ": " + video.body());
            return 1;
        }
        Files.writeString(dir.resolve("video.txt"), courseId + " " + first(ID, video.body()) + "\n");
        System.out.println("created " + ids.size() + " products and a course with one video");
        return 0;
    }

    // ---- load ----------------------------------------------------------------------------------------------------

    /** Mixed traffic from several threads until a stop file appears or the time is up. */
    static final class Load {

        final String url;

        final Path dir;

        final int threads;

        final long deadline;

        final Path stopFile;

        final long timeoutSeconds;

        final String label;

        final Path timelinePath;

        final int[] mix = new int[4];

        final List<String> products;

        final String course;

        final String video;

        final HttpClient http = http();

        final String authorization = authorization();

        /** Acknowledged, not (being) deleted uploads: media id → "sha product". */
        final List<String[]> readable = new CopyOnWriteArrayList<>();

        final Set<String> deleting = ConcurrentHashMap.newKeySet();

        final Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();

        final Map<String, AtomicLong> worstByOp = new ConcurrentHashMap<>();

        final AtomicLong requests = new AtomicLong();

        final AtomicLong worst = new AtomicLong();

        final AtomicLong wrongBytes = new AtomicLong();

        final AtomicLong lostReads = new AtomicLong();

        final AtomicLong unavailableWithoutRetryAfter = new AtomicLong();

        final Map<String, String> samples = new ConcurrentHashMap<>();

        final long run = System.nanoTime();

        BufferedWriter acks;

        BufferedWriter deleted;

        BufferedWriter timeline;

        Load(Map<String, String> o) throws IOException {
            this.url = o.get("url");
            this.dir = Path.of(o.get("dir"));
            this.threads = Integer.parseInt(o.getOrDefault("threads", "6"));
            this.deadline = System.nanoTime() + Long.parseLong(o.getOrDefault("seconds", "60")) * 1_000_000_000L;
            this.stopFile = o.containsKey("stop-file") ? Path.of(o.get("stop-file")) : null;
            this.timeoutSeconds = Long.parseLong(o.getOrDefault("timeout-seconds", "120"));
            this.label = o.getOrDefault("label", "load");
            this.timelinePath = Path.of(o.getOrDefault("timeline", this.dir.resolve("timeline.txt").toString()));
            String[] names = { "upload", "read", "delete", "view" };
            for (String part : o.getOrDefault("mix", "upload:40,read:40,delete:5,view:15").split(",")) {
                String[] kv = part.split(":");
                this.mix[List.of(names).indexOf(kv[0])] = Integer.parseInt(kv[1]);
            }
            this.products = Files.readAllLines(this.dir.resolve("products.txt"));
            String[] video = Files.readString(this.dir.resolve("video.txt")).trim().split(" ");
            this.course = video[0];
            this.video = video[1];
            Set<String> gone = new java.util.HashSet<>();
            Path deletedFile = this.dir.resolve("deleted.txt");
            if (Files.exists(deletedFile)) {
                Files.readAllLines(deletedFile).forEach((line) -> gone.add(line.split(" ")[0]));
            }
            Path acksFile = this.dir.resolve("acks.txt");
            if (Files.exists(acksFile)) {
                for (String line : Files.readAllLines(acksFile)) {
                    String[] ack = line.split(" ");
                    if (ack.length == 3 && !gone.contains(ack[0])) {
                        this.readable.add(ack);
                    }
                }
            }
        }

        int run() throws Exception {
            StandardOpenOption[] append = { StandardOpenOption.CREATE, StandardOpenOption.APPEND };
            try (BufferedWriter a = Files.newBufferedWriter(this.dir.resolve("acks.txt"), append);
                    BufferedWriter d = Files.newBufferedWriter(this.dir.resolve("deleted.txt"), append);
                    BufferedWriter t = Files.newBufferedWriter(this.timelinePath, append)) {
                this.acks = a;
                this.deleted = d;
                this.timeline = t;
                List<Thread> workers = new ArrayList<>();
                for (int i = 0; i < this.threads; i++) {
                    int thread = i;
                    Thread worker = new Thread(() -> work(thread), "load-" + i);
                    worker.start();
                    workers.add(worker);
                }
                for (Thread worker : workers) {
                    worker.join();
                }
            }
            double seconds = (System.nanoTime() - this.run) / 1e9;
            Map<String, Long> statuses = new TreeMap<>();
            this.byStatus.forEach((k, v) -> statuses.put(k, v.get()));
            Map<String, Long> worstOps = new TreeMap<>();
            this.worstByOp.forEach((k, v) -> worstOps.put(k, v.get()));
            System.out.printf(Locale.ROOT,
                    "%s: %d requests in %.1f s; worst latency %d ms %s; by operation and status %s; wrong bytes %d; "
                            + "acknowledged upload read as 404 %d; 503 without Retry-After %d%n",
                    this.label, this.requests.get(), seconds, this.worst.get(), worstOps, statuses,
                    this.wrongBytes.get(), this.lostReads.get(), this.unavailableWithoutRetryAfter.get());
            this.samples.forEach((k, v) -> System.out.println("  first " + k + " answer: "
                    + v.substring(0, Math.min(240, v.length())).replace('\n', ' ')));
            return 0;
        }

        boolean going() {
            return System.nanoTime() < this.deadline && (this.stopFile == null || !Files.exists(this.stopFile));
        }

        void work(int thread) {
            SplittableRandom random = new SplittableRandom(this.run * 31 + thread);
            long sequence = 0;
            int total = this.mix[0] + this.mix[1] + this.mix[2] + this.mix[3];
            while (going()) {
                int pick = random.nextInt(total);
                try {
                    if (pick < this.mix[0] || this.readable.isEmpty()) {
                        upload(random, thread, sequence++);
                    }
                    else if (pick < this.mix[0] + this.mix[1]) {
                        read(random);
                    }
                    else if (pick < this.mix[0] + this.mix[1] + this.mix[2]) {
                        delete(random);
                    }
                    else {
                        view();
                    }
                }
                catch (InterruptedException ex) {
                    return;
                }
                catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }

        /** Sends the request; records status and latency; null when no answer came. */
        <T> HttpResponse<T> send(String op, HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws InterruptedException, IOException {
            long start = System.currentTimeMillis();
            HttpResponse<T> response = null;
            String status;
            try {
                response = this.http.send(request, handler);
                status = String.valueOf(response.statusCode());
            }
            catch (HttpTimeoutException ex) {
                status = "timeout";
            }
            catch (ConnectException ex) {
                status = "refused";
            }
            catch (IOException ex) {
                status = "cut-off";
            }
            long end = System.currentTimeMillis();
            long latency = end - start;
            this.requests.incrementAndGet();
            this.worst.accumulateAndGet(latency, Math::max);
            this.worstByOp.computeIfAbsent(op, (k) -> new AtomicLong()).accumulateAndGet(latency, Math::max);
            this.byStatus.computeIfAbsent(op + " " + status, (k) -> new AtomicLong()).incrementAndGet();
            boolean retryAfter = response != null && response.headers().firstValue("Retry-After").isPresent();
            if (response != null && response.statusCode() == 503 && !retryAfter) {
                this.unavailableWithoutRetryAfter.incrementAndGet();
            }
            if (response != null && response.statusCode() >= 400 && response.body() instanceof String body) {
                this.samples.putIfAbsent(op + " " + status, body);
            }
            synchronized (this.timeline) {
                this.timeline.write(start + " " + end + " " + op + " " + status + " " + (retryAfter ? 1 : 0) + "\n");
            }
            if (response == null || response.statusCode() >= 500) {
                Thread.sleep(100);
            }
            return response;
        }

        void upload(SplittableRandom random, int thread, long sequence) throws Exception {
            String product = this.products.get(random.nextInt(this.products.size()));
            byte[] image = jpeg(240, 180, 16, this.run ^ ((long) thread << 48) ^ sequence);
            String sha = sha256(image);
            HttpResponse<String> response = send("upload", request(this.url + "/api/products/" + product + "/images",
                    this.timeoutSeconds).header("Authorization", this.authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(multipart("files", "multi.jpg", "image/jpeg", image)).build(), BodyHandlers.ofString());
            if (response != null && response.statusCode() == 201) {
                String media = first(ID, response.body());
                synchronized (this.acks) {
                    this.acks.write(media + " " + sha + " " + product + "\n");
                    this.acks.flush();
                }
                this.readable.add(new String[] { media, sha, product });
            }
        }

        void read(SplittableRandom random) throws Exception {
            String[] ack = this.readable.get(random.nextInt(this.readable.size()));
            HttpResponse<byte[]> response = send("read",
                    request(this.url + "/media/" + ack[0], this.timeoutSeconds).build(), BodyHandlers.ofByteArray());
            if (response == null) {
                return;
            }
            if (response.statusCode() == 200 && !sha256(response.body()).equals(ack[1])) {
                this.wrongBytes.incrementAndGet();
            }
            if (response.statusCode() == 404 && !this.deleting.contains(ack[0])) {
                this.lostReads.incrementAndGet();
            }
        }

        void delete(SplittableRandom random) throws Exception {
            if (this.readable.size() < 20) {
                return;
            }
            String[] ack = this.readable.get(random.nextInt(this.readable.size()));
            if (!this.deleting.add(ack[0])) {
                return;
            }
            this.readable.remove(ack);
            HttpResponse<String> response = send("delete",
                    request(this.url + "/api/products/" + ack[2] + "/images/" + ack[0], this.timeoutSeconds)
                        .header("Authorization", this.authorization).DELETE().build(),
                    BodyHandlers.ofString());
            // 204: gone. Anything else: the outcome is unknown (a 503 changed nothing, but a cut-off may have).
            String outcome = response != null && response.statusCode() == 204 ? "deleted"
                    : response != null && response.statusCode() == 503 ? "kept" : "unknown";
            if (outcome.equals("kept")) {
                this.deleting.remove(ack[0]);
                this.readable.add(ack);
                return;
            }
            synchronized (this.deleted) {
                this.deleted.write(ack[0] + " " + outcome + "\n");
                this.deleted.flush();
            }
        }

        void view() throws Exception {
            send("view", request(this.url + "/api/courses/" + this.course + "/videos/" + this.video + "/views",
                    this.timeoutSeconds).header("Authorization", this.authorization)
                .POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());
        }

    }

    // ---- verify --------------------------------------------------------------------------------------------------

    static int verify(Map<String, String> o) throws Exception {
        String url = o.get("url");
        Path dir = Path.of(o.get("dir"));
        HttpClient http = http();
        Map<String, String> deletions = new HashMap<>();
        if (Files.exists(dir.resolve("deleted.txt"))) {
            for (String line : Files.readAllLines(dir.resolve("deleted.txt"))) {
                String[] d = line.split(" ");
                deletions.put(d[0], d[1]);
            }
        }
        long ok = 0;
        long gone = 0;
        List<String> problems = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("acks.txt"));
        for (String line : lines) {
            String[] ack = line.split(" ");
            if (ack.length != 3) {
                continue;
            }
            String deletion = deletions.getOrDefault(ack[0], "none");
            HttpResponse<byte[]> response = http.send(request(url + "/media/" + ack[0], 60).build(),
                    BodyHandlers.ofByteArray());
            int status = response.statusCode();
            String etag = response.headers().firstValue("ETag").orElse("");
            boolean intact = status == 200 && etag.equals("\"" + ack[1] + "\"") && sha256(response.body()).equals(ack[1]);
            if (status == 404 && !deletion.equals("none")) {
                gone++;
            }
            else if (intact && !deletion.equals("deleted")) {
                ok++;
            }
            else {
                problems.add(ack[0] + ": " + status + " ETag " + etag + " (deletion: " + deletion + ")");
            }
        }
        System.out.printf(Locale.ROOT, "verify: %d acknowledged uploads: %d readable with the right SHA-256, %d "
                + "deleted and gone (404), %d wrong%n", lines.size(), ok, gone, problems.size());
        problems.stream().limit(10).forEach((p) -> System.out.println("  " + p));
        return problems.isEmpty() ? 0 : 1;
    }

    // ---- idempotency ---------------------------------------------------------------------------------------------

    static int idempotency(Map<String, String> o) throws Exception {
        String[] urls = o.get("urls").split(",");
        Path dir = Path.of(o.get("dir"));
        List<String> products = Files.readAllLines(dir.resolve("products.txt"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "10"));
        HttpClient http = http();
        String authorization = authorization();
        String run = Long.toHexString(System.currentTimeMillis());
        List<String> out = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            // A product created with an image by URL: one effect is one product and one image row.
            String key = "multi-create-" + run + "-" + r;
            String imageUrl = "https://cdn.example.com/multi-" + run + "-" + r + ".jpg";
            String json = "{\"name\":\"Idempotent " + r + "\",\"price\":1,\"sku\":\"idem-" + run + "-" + r
                    + "\",\"images\":[{\"imageUrl\":\"" + imageUrl + "\"}]}";
            HttpRequest.Builder[] creates = new HttpRequest.Builder[2];
            for (int i = 0; i < 2; i++) {
                creates[i] = request(urls[i] + "/api/products", 60).header("Authorization", authorization)
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(BodyPublishers.ofString(json));
            }
            out.add("create " + key + " " + imageUrl + " " + race(http, creates));
            // An image upload: one effect is one image row with these bytes.
            String product = products.get(r % products.size());
            byte[] image = jpeg(400, 300, 24, System.nanoTime());
            String uploadKey = "multi-upload-" + run + "-" + r;
            HttpRequest.Builder[] uploads = new HttpRequest.Builder[2];
            for (int i = 0; i < 2; i++) {
                uploads[i] = request(urls[i] + "/api/products/" + product + "/images", 60)
                    .header("Authorization", authorization).header("Idempotency-Key", uploadKey)
                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .POST(multipart("files", "same.jpg", "image/jpeg", image));
            }
            out.add("upload " + uploadKey + " " + product + ":" + sha256(image) + " " + race(http, uploads));
        }
        Files.write(dir.resolve("idempotency.txt"), out);
        out.forEach(System.out::println);
        return 0;
    }

    /**
     * Sends both requests at the same moment; then, for an answer 409 (key in use), the same request again once the
     * first has finished. Answers "statusA/replayedA/idA statusB/replayedB/idB retried:status/replayed/id|-".
     */
    static String race(HttpClient http, HttpRequest.Builder[] requests) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        String[] answers = new String[2];
        Thread[] senders = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int which = i;
            senders[i] = new Thread(() -> {
                try {
                    start.await();
                    answers[which] = describe(http.send(requests[which].build(), BodyHandlers.ofString()));
                }
                catch (Exception ex) {
                    answers[which] = "error/" + ex.getClass().getSimpleName() + "/-";
                }
            });
            senders[i].start();
        }
        start.countDown();
        for (Thread sender : senders) {
            sender.join();
        }
        String retried = "-";
        for (int i = 0; i < 2; i++) {
            if (answers[i].startsWith("409/")) {
                Thread.sleep(1500);
                retried = describe(http.send(requests[i].build(), BodyHandlers.ofString()));
            }
        }
        return answers[0] + " " + answers[1] + " retried:" + retried;
    }

    static String describe(HttpResponse<String> response) {
        Matcher id = ID.matcher(response.body());
        Matcher code = Pattern.compile("\"code\":\"([^\"]+)\"").matcher(response.body());
        return response.statusCode() + "/" + response.headers().firstValue("Idempotent-Replayed").orElse("false") + "/"
                + (response.statusCode() < 300 && id.find() ? id.group(1) : code.find() ? code.group(1) : "-");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    static final String BOUNDARY = "multiInstanceBoundary7d1f";

    static BodyPublisher multipart(String field, String filename, String type, byte[] bytes) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return BodyPublishers.concat(BodyPublishers.ofByteArray(head), BodyPublishers.ofByteArray(bytes),
                BodyPublishers.ofByteArray(tail));
    }

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
