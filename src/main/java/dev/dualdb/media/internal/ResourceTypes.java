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

    /**
     * The resource type of a file known only by its name or URL (a resource recorded by
     * URL, never fetched), from its extension.
     * @param nameOrUrl the file name or URL
     * @return its resource type, {@code OTHER} when the extension says nothing
     */
    public static ResourceType ofFileName(String nameOrUrl) {
        String name = (nameOrUrl != null) ? nameOrUrl.toLowerCase(Locale.ROOT) : "";
        int query = name.indexOf('?');
        name = (query >= 0) ? name.substring(0, query) : name;
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "pdf" -> ResourceType.PDF;
            case "doc", "docx", "odt", "rtf", "epub" -> ResourceType.DOCUMENT;
            case "ppt", "pptx", "odp", "key" -> ResourceType.PRESENTATION;
            case "xls", "xlsx", "ods", "csv" -> ResourceType.SPREADSHEET;
            case "txt", "md" -> ResourceType.TEXT;
            case "zip", "tar", "gz", "tgz", "7z", "rar" -> ResourceType.ARCHIVE;
            default -> ResourceType.OTHER;
        };
    }

}
