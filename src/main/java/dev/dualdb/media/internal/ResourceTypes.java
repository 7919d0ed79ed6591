package dev.dualdb.media.internal;

import java.util.Locale;

import dev.dualdb.media.ResourceType;

/**
 * The resource type of a lesson resource, from the content type sniffed from its bytes.
 */
public final class ResourceTypes {

    private ResourceTypes() {
    }

    public static ResourceType of(String contentType) {
        String type = (contentType != null) ? contentType.toLowerCase(Locale.ROOT) : "";
        if (type.equals("application/pdf")) {
            return ResourceType.PDF;
        }
        if (type.contains("presentation") || type.contains("powerpoint")) {
            return ResourceType.PRESENTATION;
        }
        if (type.contains("spreadsheet") || type.contains("excel") || type.equals("text/csv")) {
            return ResourceType.SPREADSHEET;
        }
        if (type.contains("word") || type.contains("opendocument.text") || type.equals("application/rtf")
                || type.equals("application/epub+zip")) {
            return ResourceType.DOCUMENT;
        }
        if (type.startsWith("text/")) {
            return ResourceType.TEXT;
        }
        if (type.contains("zip") || type.contains("tar") || type.contains("7z") || type.contains("gzip")) {
            return ResourceType.ARCHIVE;
        }
        return ResourceType.OTHER;
    }

}
