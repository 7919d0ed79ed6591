import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The client of bench/upload-bench (JDK only: java.net.http, files streamed from disk with BodyPublishers.ofFile).
 *
 * <pre>
 * java bench/UploadBench.java make-video TINY_MP4 OUT BYTES   a valid MP4 of exactly BYTES bytes (ftyp+moov of the
 *                                                           fixture, then one mdat box of random bytes)
 * java bench/UploadBench.java make-images DIR COUNT         COUNT JPEGs of 800×600 (about 200 KB, distinct pixels
 *                                                           each) as DIR/image-00000.jpg …
 * java bench/UploadBench.java run --url=… --pid=… --work=… --video=… --video-sha=…
 *                                 [--images=500] [--image-clients=4] [--ranges=2000] [--range-clients=4]
 *                                 [--image-download-rounds=2] [--token=…]
 * </pre>
 *
 * The uploads and the service's metrics need an admin's access token: {@code --token=…} or, without it, the
 * environment variable {@code DUALDB_TOKEN} (bench/service.sh {@code login} exports it). Downloads are anonymous.
 *
 * Every upload and download is checked (status, length, hash); any failure is counted and printed, and the exit code
 * is 1 if there was one.
 */
public class UploadBench {

    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final Pattern URL = Pattern.compile("\"(?:imageUrl|videoUrl)\":\"([^\"]+)\"");
    static final int MIB = 1024 * 1024;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("make-video")) {
            makeVideo(Path.of(args[1]), Path.of(args[2]), Long.parseLong(args[3]));
            return;
        }
        if (args.length > 0 && args[0].equals("make-images")) {
            Path directory = Files.createDirectories(Path.of(args[1]));
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                Files.write(directory.resolve(String.format(Locale.ROOT, "image-%05d.jpg", i)),
                        jpeg(800, 600, 40, i + 1_000_003L * System.nanoTime()));
            }
            return;
        }
        if (args.length > 0 && args[0].equals("run")) {
            System.exit(new UploadBench(options(args)).run());
        }
        System.err.println("usage: make-video TINY OUT BYTES | make-images DIR COUNT | run --url=… --pid=… --work=… --video=… --video-sha=…");
        System.exit(2);
    }

    // ---- the video file ----------------------------------------------------------------------------------------

    /**
     * The fixture's boxes up to its own mdat (ftyp, moov: the service reads the brand and a 2 s duration from them),
     * then one mdat box filling the file to {@code bytes} with random bytes. Too large for a 32-bit box size, the
     * mdat gets a 64-bit one.
     */
    static void makeVideo(Path tiny, Path out, long bytes) throws IOException {
        byte[] fixture = Files.readAllBytes(tiny);
        int head = 0;
        while (head + 8 <= fixture.length) {
            long size = ByteBuffer.wrap(fixture, head, 4).getInt() & 0xFFFFFFFFL;
            String type = new String(fixture, head + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("mdat")) {
                break;
            }
            head += (int) size;
        }
        long remaining = bytes - head;
        boolean large = remaining > 0xFFFFFFFFL;
        long payload = remaining - (large ? 16 : 8);
        if (payload < 0) {
            throw new IllegalArgumentException("too small: " + bytes);
        }
        ByteBuffer box = ByteBuffer.allocate(large ? 16 : 8);
        if (large) {
            box.putInt(1).put("mdat".getBytes(StandardCharsets.ISO_8859_1)).putLong(remaining);
        }
        else {
            box.putInt((int) remaining).put("mdat".getBytes(StandardCharsets.ISO_8859_1));
        }
        SplittableRandom random = new SplittableRandom();
        byte[] chunk = new byte[MIB];
        try (OutputStream stream = Files.newOutputStream(out)) {
            stream.write(fixture, 0, head);
            stream.write(box.array());
            while (payload > 0) {
                for (int i = 0; i < chunk.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        chunk[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                int n = (int) Math.min(chunk.length, payload);
                stream.write(chunk, 0, n);
                payload -= n;
            }
        }
    }

    // ---- the run -------------------------------------------------------------------------------------------------

    final String url;
    final long pid;
    final Path work;
    final Path video;
    final String videoSha;
    final int images;
    final int imageClients;
    final int ranges;
    final int rangeClients;
    final int imageDownloadRounds;
    final String token;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    final RssSampler rss;
    final List<String> failures = new ArrayList<>();
    final List<String> summary = new ArrayList<>();

    UploadBench(Map<String, String> o) {
        url = o.get("url");
        pid = Long.parseLong(o.get("pid"));
        work = Path.of(o.get("work"));
        video = Path.of(o.get("video"));
        videoSha = o.get("video-sha");
        images = Integer.parseInt(o.getOrDefault("images", "500"));
        imageClients = Integer.parseInt(o.getOrDefault("image-clients", "4"));
        ranges = Integer.parseInt(o.getOrDefault("ranges", "2000"));
        rangeClients = Integer.parseInt(o.getOrDefault("range-clients", "4"));
        imageDownloadRounds = Integer.parseInt(o.getOrDefault("image-download-rounds", "2"));
        token = o.getOrDefault("token", System.getenv("DUALDB_TOKEN"));
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no access token: --token=… or DUALDB_TOKEN");
        }
        rss = new RssSampler(pid);
    }

    int run() throws Exception {
        List<Path> imageFiles = makeImages();
        rss.start();
        rss.phase("start (idle, after start-up)");
        String videoUrl = uploadVideo();
        rss.phase("(a) video upload");
        List<String[]> uploaded = uploadImages(imageFiles);
        rss.phase("(b) image uploads");
        if (videoUrl != null) {
            downloadVideo(videoUrl);
            rss.phase("(c) video download");
            rangeRequests(videoUrl);
            rss.phase("(c) range requests");
        }
        downloadImages(uploaded);
        rss.phase("(c) image downloads");
        rss.stop();
        String jvm = jvmMemory();

        System.out.println();
        System.out.println("== service memory (pid " + pid + ", " + rss.javaOptions() + ")");
        for (String line : rss.report()) {
            System.out.println("   " + line);
        }
        System.out.println("   at the end, from /actuator/metrics: " + jvm);
        System.out.println();
        System.out.println("== summary");
        summary.forEach(line -> System.out.println("   " + line));
        System.out.printf(Locale.ROOT, "   peak RSS of the service: %s MiB (VmHWM)%n", rss.hwmMib());
        if (failures.isEmpty()) {
            System.out.println("   failures: 0");
            return 0;
        }
        System.out.println("   failures: " + failures.size());
        failures.stream().limit(20).forEach(f -> System.out.println("     " + f));
        return 1;
    }

    // (a) one large video
    String uploadVideo() throws Exception {
        long size = Files.size(video);
        String course = createJson("/api/courses", "{\"title\":\"Upload bench\"}");
        String boundary = "bench" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nBench video\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        BodyPublisher body = BodyPublishers.concat(BodyPublishers.ofByteArray(head), BodyPublishers.ofFile(video),
                BodyPublishers.ofByteArray(tail));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/courses/" + course + "/videos"))
                .timeout(Duration.ofMinutes(15)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body).build();
        System.out.printf(Locale.ROOT, "(a) uploading a %.1f MiB video …%n", size / (double) MIB);
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 201) {
            fail("video upload answered " + response.statusCode() + ": " + response.body());
            return null;
        }
        String mediaUrl = first(URL, response.body());
        HttpResponse<Void> head2 = http.send(HttpRequest.newBuilder(URI.create(url + mediaUrl)).timeout(Duration.ofSeconds(30))
                .method("HEAD", BodyPublishers.noBody()).build(), BodyHandlers.discarding());
        String etag = head2.headers().firstValue("ETag").orElse("");
        boolean matches = etag.equals("\"" + videoSha + "\"");
        if (!matches) {
            fail("video ETag " + etag + " is not the sha256sum " + videoSha);
        }
        String line = String.format(Locale.ROOT,
                "(a) video upload: %.1f MiB in %.2f s = %.1f MiB/s; ETag %s sha256sum (%s…)",
                size / (double) MIB, seconds, size / (double) MIB / seconds, matches ? "equals" : "DIFFERS FROM",
                videoSha.substring(0, 16));
        System.out.println(line);
        summary.add(line);
        return mediaUrl;
    }

    // (b) many small images, several clients
    List<String[]> uploadImages(List<Path> files) throws Exception {
        List<String> products = new ArrayList<>();
        for (int c = 0; c < imageClients; c++) {
            products.add(createJson("/api/products", "{\"name\":\"Bench product " + c + "\",\"price\":1,\"sku\":\"bench-"
                    + System.nanoTime() + "-" + c + "\"}"));
        }
        long totalBytes = 0;
        for (Path file : files) {
            totalBytes += Files.size(file);
        }
        System.out.printf(Locale.ROOT, "(b) uploading %d images (mean %.0f KB) with %d clients …%n", files.size(),
                totalBytes / 1000.0 / files.size(), imageClients);
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<String[]> done = new ConcurrentLinkedQueue<>();
        long[] latencies = new long[files.size()];
        long start = System.nanoTime();
        parallel(imageClients, client -> {
            int i;
            while ((i = next.getAndIncrement()) < files.size()) {
                Path file = files.get(i);
                String boundary = "bench" + Long.toHexString(System.nanoTime());
                byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                        + file.getFileName() + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
                byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
                HttpRequest request = HttpRequest.newBuilder(
                                URI.create(url + "/api/products/" + products.get(client) + "/images"))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(BodyPublishers.concat(BodyPublishers.ofByteArray(head), BodyPublishers.ofFile(file),
                                BodyPublishers.ofByteArray(tail))).build();
                long t0 = System.nanoTime();
                HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
                latencies[i] = System.nanoTime() - t0;
                if (response.statusCode() != 201) {
                    fail("image upload " + file.getFileName() + " answered " + response.statusCode() + ": "
                            + response.body());
                    continue;
                }
                done.add(new String[] {first(URL, response.body()), sha256(file)});
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = String.format(Locale.ROOT, "(b) image uploads: %d of %d in %.2f s = %.1f files/s (%.1f MB/s); "
                        + "latency p50 %.1f ms, p99 %.1f ms", done.size(), files.size(), seconds,
                files.size() / seconds, totalBytes / 1e6 / seconds, percentile(latencies, 50), percentile(latencies, 99));
        System.out.println(line);
        summary.add(line);
        return new ArrayList<>(done);
    }

    // (c) the whole video, twice: once for throughput (bytes counted only), once hashed to check the bytes
    void downloadVideo(String mediaUrl) throws Exception {
        long expected = Files.size(video);
        for (boolean hash : new boolean[] {false, true}) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long start = System.nanoTime();
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url + mediaUrl))
                    .timeout(Duration.ofMinutes(10)).build(), BodyHandlers.ofInputStream());
            long count = 0;
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[MIB];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    count += n;
                    if (hash) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (response.statusCode() != 200 || count != expected) {
                fail("video download: status " + response.statusCode() + ", " + count + " of " + expected + " bytes");
            }
            String line;
            if (hash) {
                String actual = HexFormat.of().formatHex(digest.digest());
                if (!actual.equals(videoSha)) {
                    fail("video download hashes to " + actual + ", not " + videoSha);
                }
                line = String.format(Locale.ROOT, "(c) video download, hashed by the client: %.2f s = %.1f MiB/s; "
                        + "SHA-256 of the body %s", seconds, count / (double) MIB / seconds,
                        actual.equals(videoSha) ? "equals sha256sum" : "DIFFERS");
            }
            else {
                line = String.format(Locale.ROOT, "(c) video download (no Range): %.1f MiB in %.2f s = %.1f MiB/s",
                        count / (double) MIB, seconds, count / (double) MIB / seconds);
            }
            System.out.println(line);
            summary.add(line);
        }
    }

    // (c) 1 MiB ranges at random offsets, each compared with the same bytes of the local file
    void rangeRequests(String mediaUrl) throws Exception {
        long size = Files.size(video);
        long[] latencies = new long[ranges];
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        long start;
        try (FileChannel local = FileChannel.open(video, StandardOpenOption.READ)) {
            start = System.nanoTime();
            parallel(rangeClients, client -> {
                SplittableRandom random = new SplittableRandom(client * 7919L + 1);
                ByteBuffer expected = ByteBuffer.allocate(MIB);
                int i;
                while ((i = next.getAndIncrement()) < ranges) {
                    long offset = random.nextLong(size - MIB + 1);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url + mediaUrl))
                            .timeout(Duration.ofSeconds(60))
                            .header("Range", "bytes=" + offset + "-" + (offset + MIB - 1)).build();
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, BodyHandlers.ofByteArray());
                    latencies[i] = System.nanoTime() - t0;
                    bytes.addAndGet(response.body().length);
                    expected.clear();
                    while (expected.hasRemaining() && local.read(expected, offset + expected.position()) > 0) {
                        // positional reads until the buffer is full
                    }
                    if (response.statusCode() != 206 || !Arrays.equals(response.body(), expected.array())) {
                        fail("range at " + offset + ": status " + response.statusCode() + ", "
                                + response.body().length + " bytes" + (response.statusCode() == 206 ? ", content differs" : ""));
                    }
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = String.format(Locale.ROOT, "(c) range requests: %d × 1 MiB at random offsets, %d clients, in "
                        + "%.2f s = %.1f requests/s (%.1f MiB/s); latency p50 %.1f ms, p99 %.1f ms", ranges,
                rangeClients, seconds, ranges / seconds, bytes.get() / (double) MIB / seconds,
                percentile(latencies, 50), percentile(latencies, 99));
        System.out.println(line);
        summary.add(line);
    }

    // (c) the images, each body hashed and compared with the uploaded file
    void downloadImages(List<String[]> uploaded) throws Exception {
        int total = uploaded.size() * imageDownloadRounds;
        if (total == 0) {
            return;
        }
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        parallel(imageClients, client -> {
            int i;
            while ((i = next.getAndIncrement()) < total) {
                String[] image = uploaded.get(i % uploaded.size());
                long t0 = System.nanoTime();
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url + image[0]))
                        .timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofByteArray());
                latencies[i] = System.nanoTime() - t0;
                bytes.addAndGet(response.body().length);
                if (response.statusCode() != 200 || !sha256(response.body()).equals(image[1])) {
                    fail("image " + image[0] + ": status " + response.statusCode() + ", body hash differs");
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = String.format(Locale.ROOT, "(c) image downloads: %d (%d rounds over %d images), %d clients, in "
                        + "%.2f s = %.1f files/s (%.1f MB/s); latency p50 %.1f ms, p99 %.1f ms", total,
                imageDownloadRounds, uploaded.size(), imageClients, seconds, total / seconds,
                bytes.get() / 1e6 / seconds, percentile(latencies, 50), percentile(latencies, 99));
        System.out.println(line);
        summary.add(line);
    }

    /** Heap, non-heap and direct buffers as the service itself reports them now (MiB). */
    String jvmMemory() {
        String[][] metrics = {
                {"heap used", "jvm.memory.used?tag=area:heap"},
                {"heap committed", "jvm.memory.committed?tag=area:heap"},
                {"non-heap used", "jvm.memory.used?tag=area:nonheap"},
                {"direct buffers", "jvm.buffer.memory.used?tag=id:direct"},
                {"live threads", "jvm.threads.live"}};
        List<String> parts = new ArrayList<>();
        for (String[] metric : metrics) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(url + "/actuator/metrics/" + metric[1])).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token).build(),
                        BodyHandlers.ofString());
                Matcher value = Pattern.compile("\"value\":([0-9.Ee+-]+)").matcher(response.body());
                if (value.find()) {
                    double v = Double.parseDouble(value.group(1));
                    parts.add(metric[0] + " " + (metric[0].equals("live threads") ? String.valueOf((long) v)
                            : String.format(Locale.ROOT, "%.1f MiB", v / MIB)));
                }
            }
            catch (Exception e) {
                parts.add(metric[0] + " ?");
            }
        }
        return String.join(", ", parts);
    }

    // ---- images --------------------------------------------------------------------------------------------------

    /** 800×600 JPEGs of about 200 KB, each with its own pixels (a seeded pattern plus noise), written before timing. */
    List<Path> makeImages() throws Exception {
        Path directory = Files.createDirectories(work.resolve("images"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            files.add(directory.resolve(String.format(Locale.ROOT, "image-%05d.jpg", i)));
        }
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        parallel(Runtime.getRuntime().availableProcessors(), worker -> {
            int i;
            while ((i = next.getAndIncrement()) < files.size()) {
                Files.write(files.get(i), jpeg(800, 600, 40, i + 1_000_003L * System.nanoTime()));
            }
        });
        System.out.printf(Locale.ROOT, "made %d test images in %.1f s%n", files.size(),
                (System.nanoTime() - start) / 1e9);
        return files;
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
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.85f);
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    String createJson(String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(BodyPublishers.ofString(json)).build(), BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return first(ID, response.body());
    }

    synchronized void fail(String failure) {
        failures.add(failure);
        System.out.println("   FAILURE: " + failure);
    }

    interface Worker {
        void run(int index) throws Exception;
    }

    static void parallel(int threads, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int index = t;
                futures.add(pool.submit(() -> {
                    worker.run(index);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return matcher.group(1);
    }

    static String sha256(Path file) throws Exception {
        return sha256(Files.readAllBytes(file));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }

    /** Samples VmRSS of the service every 50 ms; per phase the largest sample, and VmHWM (the kernel's peak). */
    static final class RssSampler {

        final long pid;
        final List<String> lines = new ArrayList<>();
        volatile boolean running;
        volatile long phaseMax;
        Thread thread;

        RssSampler(long pid) {
            this.pid = pid;
        }

        void start() {
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    long rss = field("VmRSS");
                    if (rss > phaseMax) {
                        phaseMax = rss;
                    }
                    try {
                        Thread.sleep(50);
                    }
                    catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        synchronized void phase(String name) {
            long now = field("VmRSS");
            long max = Math.max(phaseMax, now);
            lines.add(String.format(Locale.ROOT, "%-30s RSS max %6.1f MiB, at end %6.1f MiB, VmHWM so far %6.1f MiB",
                    name, max / 1024.0, now / 1024.0, field("VmHWM") / 1024.0));
            phaseMax = 0;
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        List<String> report() {
            return lines;
        }

        String hwmMib() {
            return String.format(Locale.ROOT, "%.1f", field("VmHWM") / 1024.0);
        }

        String javaOptions() {
            try {
                String cmdline = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
                Matcher matcher = Pattern.compile("-Xmx\\S+").matcher(cmdline);
                return matcher.find() ? matcher.group() : "default heap";
            }
            catch (IOException e) {
                return "?";
            }
        }

        /** A field of /proc/PID/status in kB, 0 if unreadable. */
        long field(String name) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith(name + ":")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            }
            catch (IOException | NumberFormatException e) {
                // the process is gone
            }
            return 0;
        }
    }
}
