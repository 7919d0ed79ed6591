package dev.dualdb.legacy.internal;

import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.bson.types.ObjectId;

/** Reading fields of legacy documents by (dotted) name, without assuming their shape. */
final class DocumentFields {

    private DocumentFields() {
    }

    static Object get(Document document, String path) {
        if (path == null) {
            return null;
        }
        Object value = document;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Document current)) {
                return null;
            }
            value = current.get(part);
        }
        return value;
    }

    static boolean has(Document document, String path) {
        if (path == null) {
            return false;
        }
        Object value = document;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (!(value instanceof Document current) || !current.containsKey(parts[i])) {
                return false;
            }
            value = current.get(parts[i]);
        }
        return true;
    }

    // An ObjectId, or a string of 24 hex characters, in lower-case hex; else null.
    static String hexId(Object value) {
        if (value instanceof ObjectId id) {
            return id.toHexString();
        }
        if (value instanceof String text && ObjectId.isValid(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        return null;
    }

    static String text(Object value) {
        return (value instanceof String text && !text.isBlank()) ? text.strip() : null;
    }

    static boolean flag(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    static boolean isArray(Object value) {
        return value instanceof List<?>;
    }

}
