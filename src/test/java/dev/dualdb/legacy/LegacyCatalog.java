package dev.dualdb.legacy;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Generates a catalog as the original Node/Mongoose application wrote it: products with
 * {@code images: [{_id, url, alt}]}, courses with {@code sections[].lessons[]} carrying
 * {@code videoUrl} (a CDN file, YouTube or Vimeo) and {@code resources: [{_id, title,
 * url}]}, every sub-document with its Mongoose {@code _id}, plus {@code __v}. The same
 * seed gives the same catalog. ({@code bench/LegacyCatalog.java} is the same generator
 * for the 100k-document bench.)
 */
final class LegacyCatalog {

    private LegacyCatalog() {
    }

    static Counts generate(MongoCollection<Document> products, MongoCollection<Document> courses, int productCount,
            int courseCount, long seed) {
        Random random = new Random(seed);
        int images = 0;
        List<Document> batch = new ArrayList<>();
        for (int p = 0; p < productCount; p++) {
            List<Document> productImages = new ArrayList<>();
            int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                productImages.add(new Document("_id", new ObjectId())
                    .append("url", "https://cdn.example.com/products/" + p + "/" + i + ".jpg")
                    .append("alt", "Product " + p + ", view " + (i + 1)));
            }
            images += count;
            batch.add(new Document("_id", new ObjectId()).append("name", "Legacy product " + p)
                .append("description", "Imported from the Node shop")
                .append("price", 10 + random.nextInt(9000) / 100.0)
                .append("category", "legacy")
                .append("stock", random.nextInt(50))
                .append("images", productImages)
                .append("createdAt", new Date())
                .append("updatedAt", new Date())
                .append("__v", 0));
            if (batch.size() == 1000) {
                products.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            products.insertMany(batch);
            batch.clear();
        }
        int videos = 0;
        int resources = 0;
        for (int c = 0; c < courseCount; c++) {
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
                .append("description", "Imported from the Node course platform")
                .append("instructor", new ObjectId())
                .append("price", 49.0)
                .append("sections", sections)
                .append("createdAt", new Date())
                .append("updatedAt", new Date())
                .append("__v", 0));
            if (batch.size() == 1000) {
                courses.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            courses.insertMany(batch);
        }
        return new Counts(images, videos, resources);
    }

    /**
     * How much media the generated documents embed.
     *
     * @param images product images
     * @param videos lesson videos
     * @param resources lesson resources
     */
    record Counts(int images, int videos, int resources) {

        int total() {
            return this.images + this.videos + this.resources;
        }

    }

}
