package dev.dualdb.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the three stores hold, to compare before and after a refused request: the number
 * of documents of every MongoDB collection and the documents a world is made of; the row
 * count and a digest of every PostgreSQL table; the files and bytes in the blob
 * directory.
 */
final class StoreSnapshot {

    private static final List<String> COLLECTIONS = List.of("products", "courses", "users", "enrollments");

    private final MongoTemplate mongo;

    private final JdbcClient jdbc;

    private final Path blobs;

    private final List<String> tables;

    StoreSnapshot(MongoTemplate mongo, JdbcClient jdbc, Path blobs) {
        this.mongo = mongo;
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                + "AND table_type = 'BASE TABLE' AND table_name NOT IN ('flyway_schema_history', 'audit_events', 'rate_limit_buckets') "
                + "ORDER BY table_name")
            .query(String.class)
            .list();
    }

    /**
     * The stores as they are now.
     * @param ids the MongoDB documents to include whole (collection, then id, …)
     * @return a comparable picture
     */
    Map<String, Object> take(String... ids) {
        Map<String, Object> picture = new TreeMap<>();
        for (String collection : COLLECTIONS) {
            picture.put("mongo " + collection, this.mongo.getCollection(collection).countDocuments());
        }
        for (int i = 0; i < ids.length; i += 2) {
            Document document = this.mongo.findById(new ObjectId(ids[i + 1]), Document.class, ids[i]);
            picture.put("mongo " + ids[i] + " " + ids[i + 1], (document != null) ? document.toJson() : "absent");
        }
        for (String table : this.tables) {
            picture.put("postgres " + table,
                    this.jdbc
                        .sql("SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') "
                                + "FROM " + table + " t")
                        .query(String.class)
                        .single());
        }
        picture.put("blob files", blobFiles());
        return picture;
    }

    private String blobFiles() {
        if (!Files.isDirectory(this.blobs)) {
            return "none";
        }
        try (Stream<Path> files = Files.walk(this.blobs)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            long bytes = 0;
            for (Path file : regular) {
                bytes += Files.size(file);
            }
            return regular.size() + " files, " + bytes + " bytes";
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
