package dev.dualdb.course.internal;

import com.mongodb.MongoClientSettings;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.DocumentCodec;

/**
 * MongoDB refuses a document over 16 MB. A course whose outline would grow past that is
 * refused as bad input up front, rather than failing at the server as an unexplained
 * error.
 */
final class DocumentSizeLimit {

    /**
     * 16 MB, less room for the fields set alongside an edit ({@code updatedAt},
     * {@code version}).
     */
    static final int MAX_BYTES = 16 * 1024 * 1024 - 64 * 1024;

    private static final Codec<Document> CODEC = new DocumentCodec(MongoClientSettings.getDefaultCodecRegistry());

    private DocumentSizeLimit() {
    }

    static void check(Document course) {
        int bytes = new RawBsonDocument(course, CODEC).getByteBuffer().remaining();
        if (bytes > MAX_BYTES) {
            throw new CurriculumTooLarge("The course would take " + bytes / 1024 + " KB, more than a course document "
                    + "may hold (" + MAX_BYTES / 1024 + " KB); shorten descriptions or split the course");
        }
    }

}
