package dev.dualdb.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.dualdb.blob.BlobStore;
import dev.dualdb.blob.TestFiles;
import dev.dualdb.blob.internal.LocalBlobStore;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.Multipart;
import dev.dualdb.user.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 uploads trickling at 10 bytes a second do not take the service down: while they
 * run, ordinary requests are all answered, with a p99 under a second, and each trickling
 * upload ends (refused at once for want of an upload slot, or cut off for being too slow)
 * leaving nothing behind. The measured p99 is printed ({@code bench/slow-clients} runs
 * this test alone).
 */
class SlowClientTests extends ApiTest {

    private static final int TRICKLERS = 200;

    private static final String BOUNDARY = "trickle";

    @LocalServerPort
    int serverPort;

    @TempDir
    Path files;

    @Autowired
    BlobStore store;

    @Test
    void tricklingUploadsLeaveTheApiAnswering() throws Exception {
        String product = api.post("/api/products", Map.of("name", "Slow", "price", 1, "sku", unique("SLOW")))
            .json()
            .path("id")
            .asString();
        List<String> paths = List.of("/api/products", "/actuator/health", "/api/products/" + product);
        // Warm up (first calls load classes and compile the contract checks): measured
        // below is the service under the trickle, not its first requests.
        for (int i = 0; i < 5; i++) {
            paths.forEach(api::get);
        }
        List<Path> stagedBefore = staged();
        List<Socket> sockets = new ArrayList<>();
        Map<Socket, String> answers = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        for (int i = 0; i < TRICKLERS; i++) {
            Socket socket = new Socket("127.0.0.1", this.serverPort);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(head(product, api.token()).getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            sockets.add(socket);
        }
        // One thread trickles a byte to every socket every 100 ms (10 B/s each) and
        // stops itself after 30 s at the latest; another collects each answer.
        Thread trickler = new Thread(() -> trickle(sockets, stop), "trickler");
        trickler.start();
        Thread collector = new Thread(() -> sockets.forEach((socket) -> answers.put(socket, answerOf(socket))),
                "collector");
        collector.start();

        List<Long> millis = new ArrayList<>();
        int answered = 0;
        long end = System.nanoTime() + 6_000_000_000L;
        try {
            while (System.nanoTime() < end) {
                for (String path : paths) {
                    long start = System.nanoTime();
                    Response response = api.get(path);
                    millis.add((System.nanoTime() - start) / 1_000_000);
                    if (response.status() == 200) {
                        answered++;
                    }
                }
            }
        }
        finally {
            collector.join(30_000);
            stop.set(true);
            trickler.join(5_000);
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        Collections.sort(millis);
        long p99 = millis.get((int) Math.ceil(millis.size() * 0.99) - 1);
        System.out.printf(Locale.ROOT,
                "slow-clients: %d trickling uploads; %d normal requests, p50 %d ms, p99 %d ms," + " max %d ms%n",
                TRICKLERS, millis.size(), millis.get(millis.size() / 2), p99, millis.get(millis.size() - 1));

        assertThat(answered).isEqualTo(millis.size());
        assertThat(p99).isLessThan(1000);
        // Every trickling upload was ended by the server: refused at once for want of a
        // slot, or cut off once it had been too slow for the grace period.
        assertThat(answers).hasSize(TRICKLERS);
        assertThat(answers.values())
            .allSatisfy((status) -> assertThat(status).isIn("503 too-many-uploads", "408 upload-too-slow"));
        assertThat(answers.values()).contains("503 too-many-uploads", "408 upload-too-slow");
        // Nothing is left behind: no row, no staged file.
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?", product)).isZero();
        assertThat(staged()).isSubsetOf(stagedBefore);
    }

    @Test
    void oneUsersUploadsTakeAtMostTheirShareOfTheSlots() throws Exception {
        String product = api.post("/api/products", Map.of("name", "Share", "price", 1, "sku", unique("SHARE")))
            .json()
            .path("id")
            .asString();
        List<Socket> held = new ArrayList<>();
        try {
            // 16 uploads of one admin that have sent their head and wait: the user's
            // share.
            for (int i = 0; i < 16; i++) {
                Socket socket = new Socket("127.0.0.1", this.serverPort);
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write(head(product, api.token()).getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                held.add(socket);
            }
            Thread.sleep(500);
            Socket oneMore = new Socket("127.0.0.1", this.serverPort);
            oneMore.setSoTimeout(20_000);
            held.add(oneMore);
            oneMore.getOutputStream().write(head(product, api.token()).getBytes(StandardCharsets.ISO_8859_1));
            oneMore.getOutputStream().flush();

            assertThat(answerOf(oneMore)).isEqualTo("503 too-many-uploads");
            // Another user still uploads meanwhile.
            ApiClient other = logIn(Role.ADMIN).client();
            byte[] png = Files.readAllBytes(TestFiles.image(this.files, "other.png", "png", 8, 8, false));
            Response image = other.multipart("/api/products/" + product + "/images",
                    new Multipart().file("files", "other.png", "image/png", png));
            assertThat(image.status()).as(image.toString()).isEqualTo(201);
        }
        finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static String head(String product, String token) {
        String partHead = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n";
        return "POST /api/products/" + product + "/images HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Authorization: Bearer "
                + token + "\r\n" + "Content-Type: multipart/form-data; boundary=" + BOUNDARY
                + "\r\nContent-Length: 100000\r\n" + "Connection: close\r\n\r\n" + partHead;
    }

    private static void trickle(List<Socket> sockets, AtomicBoolean stop) {
        long end = System.nanoTime() + 30_000_000_000L;
        List<Socket> open = new ArrayList<>(sockets);
        while (!stop.get() && !open.isEmpty() && System.nanoTime() < end) {
            open.removeIf((socket) -> !send(socket));
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean send(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(0x89);
            out.flush();
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** The status and problem code the server answered with, or what went wrong. */
    private static String answerOf(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String status = answer.isEmpty() ? "none" : answer.substring(9, 12);
            int code = answer.indexOf("\"code\":\"");
            return (code < 0) ? status : status + " " + answer.substring(code + 8, answer.indexOf('"', code + 8));
        }
        catch (IOException ex) {
            return "failed: " + ex.getMessage();
        }
    }

    private List<Path> staged() throws IOException {
        Path staging = ((LocalBlobStore) this.store).root().resolve("tmp");
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.toList();
        }
    }

}
