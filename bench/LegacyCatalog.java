import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The legacy catalog of bench/import-legacy: a MongoDB-wire server (mongo-java-server, in memory) on
 * 127.0.0.1:PORT, filled with products and courses shaped as the original Node/Mongoose application wrote them
 * (the same shape as src/test/java/dev/dualdb/legacy/LegacyCatalog.java), then kept serving until it is stopped.
 * Run with the jars of the service's own jar on the class path:
 *
 *   java -cp 'EXTRACTED/lib/*' bench/LegacyCatalog.java --port=19201 --products=80000 --courses=20000
 *
 * Prints one line "ready documents=… media=… images=… videos=… resources=…" when the data is in.
 */
public class LegacyCatalog {

    public static void main(String[] args) throws Exception {
        int port = intArg(args, "--port", 19201);
        int products = intArg(args, "--products", 80000);
        int courses = intArg(args, "--courses", 20000);
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        Random random = new Random(42);
        int images = 0;
        int videos = 0;
        int resources = 0;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoDatabase database = client.getDatabase("legacy");
            MongoCollection<Document> productCollection = database.getCollection("products");
            MongoCollection<Document> courseCollection = database.getCollection("courses");
            List<Document> batch = new ArrayList<>();
            for (int p = 0; p < products; p++) {
                List<Document> productImages = new ArrayList<>();
                int count = random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    productImages.add(new Document("_id", new ObjectId())
                        .append("url", "https://cdn.example.com/products/" + p + "/" + i + ".jpg")
                        .append("alt", "Product " + p + ", view " + (i + 1)));
                }
                images += count;
                batch.add(new Document("_id", new ObjectId()).append("name", "Legacy product " + p)
                    .append("sku", "legacy-" + p)
                    .append("description", "Imported from the Node shop")
                    .append("price", 10 + random.nextInt(9000) / 100.0)
                    .append("images", productImages)
                    .append("createdAt", new Date())
                    .append("__v", 0));
                if (batch.size() == 1000) {
                    productCollection.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                productCollection.insertMany(batch);
                batch.clear();
            }
            for (int c = 0; c < courses; c++) {
                List<Document> sections = new ArrayList<>();
                for (int s = 0; s < 2; s++) {
                    List<Document> lessons = new ArrayList<>();
                    for (int l = 0; l < 2; l++) {
                        int n = (c * 4) + (s * 2) + l;
                        Document lesson = new Document("_id", new ObjectId()).append("title", "Lesson " + (l + 1));
                        switch (n % 4) {
                            case 0 -> lesson.append("videoUrl", "https://www.youtube.com/watch?v=legacy" + n);
                            case 1 -> lesson.append("videoUrl", "https://vimeo.com/" + (100000 + n));
                            case 2 -> lesson.append("videoUrl", "https://cdn.example.com/videos/" + n + ".mp4");
                            default -> lesson.append("videoUrl", "");
                        }
                        videos += (n % 4 == 3) ? 0 : 1;
                        lesson.append("duration", 60 + random.nextInt(600)).append("isPreview", l == 0);
                        List<Document> lessonResources = new ArrayList<>();
                        int count = random.nextInt(3);
                        for (int r = 0; r < count; r++) {
                            lessonResources.add(new Document("_id", new ObjectId()).append("title", "Handout " + (r + 1))
                                .append("url", "https://cdn.example.com/handouts/" + n + "-" + r + ".pdf"));
                        }
                        resources += count;
                        lessons.add(lesson.append("resources", lessonResources));
                    }
                    sections.add(new Document("_id", new ObjectId()).append("title", "Section " + (s + 1))
                        .append("lessons", lessons));
                }
                batch.add(new Document("_id", new ObjectId()).append("title", "Legacy course " + c)
                    .append("instructor", new ObjectId())
                    .append("sections", sections)
                    .append("__v", 0));
                if (batch.size() == 1000) {
                    courseCollection.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                courseCollection.insertMany(batch);
            }
        }
        System.out.printf("ready documents=%d media=%d images=%d videos=%d resources=%d%n", products + courses,
                images + videos + resources, images, videos, resources);
        System.out.flush();
        Thread.currentThread().join();
    }

    private static int intArg(String[] args, String name, int otherwise) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 1));
            }
        }
        return otherwise;
    }

}
