package dev.dualdb.consistency.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import dev.dualdb.blob.BlobStore;
import dev.dualdb.blob.internal.LocalBlobStore;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold after any fault, once the reconciler has run, checked the way a user
 * would: through the read and delivery routes, and by comparing the three stores directly
 * (SQL, MongoDB documents, the store's own listing).
 */
final class Invariants {

    private final ApiClient api;

    private final JdbcClient jdbc;

    private final MongoTemplate mongo;

    private final BlobStore store;

    Invariants(ApiClient api, JdbcClient jdbc, MongoTemplate mongo, BlobStore store) {
        this.api = api;
        this.jdbc = jdbc;
        this.mongo = mongo;
        this.store = store;
    }

    /**
     * (a) Every piece of media a reader finds from these owners (products; courses with
     * the lessons they had) is served whole; an owner that is gone shows no media at all,
     * not even through {@code /api/media}.
     */
    void readersSeeOnlyWholeMedia(Set<String> products, Map<String, List<String>> courses) {
        for (String product : products) {
            Response read = this.api.get("/api/products/" + product);
            if (read.status() == 404) {
                assertThat(listed("PRODUCT", product)).as("media of deleted product " + product).isEmpty();
                continue;
            }
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().path("mediaAvailable").asBoolean()).isTrue();
            read.json().path("images").forEach((image) -> servedIfStored(image, "imageUrl"));
            listed("PRODUCT", product).forEach((media) -> servedIfStored(media, "mediaUrl"));
        }
        courses.forEach((course, lessons) -> {
            Response read = this.api.get("/api/courses/" + course);
            Set<String> present = new HashSet<>();
            if (read.status() == 404) {
                assertThat(listed("COURSE", course)).as("media of deleted course " + course).isEmpty();
            }
            else {
                assertThat(read.status()).as(read.toString()).isEqualTo(200);
                assertThat(read.json().path("mediaAvailable").asBoolean()).isTrue();
                read.json().path("videos").forEach((video) -> servedIfStored(video, "videoUrl"));
                read.json().path("sections").forEach((section) -> section.path("lessons").forEach((lesson) -> {
                    present.add(lesson.path("id").asString());
                    lesson.path("videos").forEach((video) -> servedIfStored(video, "videoUrl"));
                    lesson.path("resources").forEach((resource) -> servedIfStored(resource, "resourceUrl"));
                }));
                listed("COURSE", course).forEach((media) -> servedIfStored(media, "mediaUrl"));
            }
            for (String lesson : lessons) {
                JsonNode media = listed("LESSON", lesson);
                if (present.contains(lesson)) {
                    media.forEach((item) -> servedIfStored(item, "mediaUrl"));
                }
                else {
                    assertThat(media).as("media of deleted lesson " + lesson).isEmpty();
                }
            }
        });
    }

    /**
     * The media recorded against an owner, as {@code GET /api/media} lists it; empty for
     * an owner that is gone (the route answers 404 for it, whatever rows are still
     * waiting for the reconciler).
     */
    JsonNode listed(String referenceType, String referenceId) {
        Response list = this.api.get("/api/media?referenceType=" + referenceType + "&referenceId=" + referenceId);
        if (list.status() == 404) {
            assertThat(list.json().path("code").asString()).endsWith("-not-found");
            return JsonNodeFactory.instance.arrayNode();
        }
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json();
    }

    private void servedIfStored(JsonNode media, String urlField) {
        if (!"EXTERNAL".equals(media.path("storageType").asString())) {
            served(media.path(urlField).asString(), null);
            media.path("renditions").forEach((thumbnail) -> served(thumbnail.path("url").asString(), null));
        }
    }

    /**
     * (a), (d) The bytes at {@code url} are served with the SHA-256 of the body as ETag,
     * and as expected if given.
     */
    void served(String url, String expectedSha256) {
        Response bytes = this.api.fetch("GET", url);
        assertThat(bytes.status()).as("GET " + url).isEqualTo(200);
        String actual = Sample.sha256(bytes.bytes());
        assertThat(bytes.header("ETag")).as("ETag of " + url).isEqualTo("\"" + actual + "\"");
        if (expectedSha256 != null) {
            assertThat(actual).as("hash of the bytes at " + url).isEqualTo(expectedSha256);
        }
    }

    /**
     * (b) Every metadata row's owner (product, course, lesson of that course, user) is
     * still in MongoDB.
     */
    void noRowOutlivesItsOwner() {
        Set<String> productIds = ids("products");
        Set<String> userIds = ids("users");
        Map<String, Set<String>> lessonsByCourse = new HashMap<>();
        for (Document course : this.mongo.getCollection("courses").find()) {
            Set<String> lessons = new HashSet<>();
            for (Document section : course.getList("sections", Document.class, List.of())) {
                for (Document lesson : section.getList("lessons", Document.class, List.of())) {
                    lessons.add(hex(lesson.get("id")));
                }
            }
            lessonsByCourse.put(course.getObjectId("_id").toHexString(), lessons);
        }
        Set<String> allLessons = new HashSet<>();
        lessonsByCourse.values().forEach(allLessons::addAll);

        List<String> orphans = new ArrayList<>();
        rows("SELECT id, mongo_product_id, NULL FROM product_images").forEach((row) -> {
            if (!productIds.contains(row[1])) {
                orphans.add("product image " + row[0] + " of product " + row[1]);
            }
        });
        for (String table : List.of("course_videos", "course_resources")) {
            rows("SELECT id, mongo_course_id, lesson_id FROM " + table).forEach((row) -> {
                Set<String> lessons = lessonsByCourse.get(row[1]);
                if (lessons == null || (row[2] != null && !lessons.contains(row[2]))) {
                    orphans.add(table + " " + row[0] + " of course " + row[1] + " / lesson " + row[2]);
                }
            });
        }
        rows("SELECT id, reference_type, reference_id FROM media_storage").forEach((row) -> {
            boolean ownerExists = switch (row[1]) {
                case "PRODUCT" -> productIds.contains(row[2]);
                case "COURSE" -> lessonsByCourse.containsKey(row[2]);
                case "LESSON" -> allLessons.contains(row[2]);
                case "USER" -> userIds.contains(row[2]);
                default -> false;
            };
            if (!ownerExists) {
                orphans.add("media " + row[0] + " of " + row[1] + " " + row[2]);
            }
        });
        assertThat(orphans).as("metadata rows whose owner is gone").isEmpty();
    }

    /**
     * (c) The blob index lists exactly the bytes in the store, and something refers to
     * each of its rows: so bytes exist exactly when a row refers to them. Nothing is left
     * queued for deletion or staged half-uploaded.
     */
    void indexMatchesStore() {
        Set<String> indexed = new HashSet<>(this.jdbc.sql("SELECT sha256 FROM blobs").query(String.class).list());
        Set<String> stored = storedHashes();
        assertThat(difference(stored, indexed)).as("bytes in the store without an index row").isEmpty();
        assertThat(difference(indexed, stored)).as("index rows whose bytes are missing").isEmpty();
        assertThat(this.jdbc.sql("""
                SELECT b.sha256 FROM blobs b
                WHERE NOT EXISTS (SELECT 1 FROM product_images r WHERE r.blob_sha256 = b.sha256)
                  AND NOT EXISTS (SELECT 1 FROM course_videos r WHERE r.blob_sha256 = b.sha256)
                  AND NOT EXISTS (SELECT 1 FROM course_resources r WHERE r.blob_sha256 = b.sha256)
                  AND NOT EXISTS (SELECT 1 FROM media_storage r WHERE r.blob_sha256 = b.sha256)
                  AND NOT EXISTS (SELECT 1 FROM renditions r WHERE r.blob_sha256 = b.sha256)""")
            .query(String.class)
            .list()).as("index rows that nothing refers to").isEmpty();
        assertThat(this.jdbc.sql("SELECT sha256 FROM blob_deletions").query(String.class).list())
            .as("deletions still queued")
            .isEmpty();
        assertThat(stagedFiles()).as("temporary upload files").isEmpty();
    }

    /** The hashes of every blob in the store, from the store's own listing. */
    Set<String> storedHashes() {
        Set<String> hashes = ConcurrentHashMap.newKeySet();
        this.store.forEachBlob((blob) -> hashes.add(blob.sha256()));
        return hashes;
    }

    /** Where the local store stages uploads (the tests run on the local store). */
    Path stagingDirectory() {
        return ((LocalBlobStore) this.store).root().resolve("tmp");
    }

    private List<Path> stagedFiles() {
        if (!Files.isDirectory(stagingDirectory())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(stagingDirectory())) {
            return files.toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private Set<String> ids(String collection) {
        Set<String> ids = new HashSet<>();
        this.mongo.getCollection(collection)
            .find()
            .projection(new Document("_id", 1))
            .forEach((document) -> ids.add(hex(document.get("_id"))));
        return ids;
    }

    /** The first three columns of each row, as trimmed text ({@code CHAR} columns). */
    private List<String[]> rows(String sql) {
        return this.jdbc.sql(sql)
            .query((rs, n) -> new String[] { rs.getString(1), trim(rs.getString(2)), trim(rs.getString(3)) })
            .list();
    }

    private static String trim(String value) {
        return (value != null) ? value.trim() : null;
    }

    /**
     * Ids in course documents may be ObjectIds or hex strings (documents written by
     * another application).
     */
    private static String hex(Object id) {
        return (id instanceof ObjectId objectId) ? objectId.toHexString() : String.valueOf(id);
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> difference = new HashSet<>(a);
        difference.removeAll(b);
        return difference;
    }

}
