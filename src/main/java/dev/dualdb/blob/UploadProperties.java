package dev.dualdb.blob;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What each kind of upload may be: its size limit and the types (sniffed from the bytes)
 * it accepts. Sizes are binary: {@code 20MB} is 20 MiB.
 *
 * @param image product images and other pictures
 * @param video course videos
 * @param resource lesson resources and other downloads
 * @param maxFiles the most files one request may carry
 * @param maxRequestSize the most bytes of a whole request to a route that takes several
 * files (the images of a product); a route taking one file takes that file's limit plus
 * the text fields ({@link #maxRequestBytes})
 * @param maxFields the most text fields in one upload form
 * @param maxFieldsSize the most bytes of all text fields of one upload form together
 * @param maxTempSize the most bytes that all uploads in progress may hold in temporary
 * files at once; past it an upload is refused with a 503 and {@code Retry-After}
 * @param maxTempSizePerCaller the most bytes that the uploads in progress of one caller
 * (a user, or a client address without a token) may hold in temporary files at once
 */
@ConfigurationProperties("dualdb.uploads")
public record UploadProperties(@DefaultValue Images image, @DefaultValue Videos video, @DefaultValue Resources resource,
        @DefaultValue("10") int maxFiles, @DefaultValue("50MB") DataSize maxRequestSize,
        @DefaultValue("64") int maxFields, @DefaultValue("128KB") DataSize maxFieldsSize,
        @DefaultValue("16GB") DataSize maxTempSize, @DefaultValue("6GB") DataSize maxTempSizePerCaller) {

    /** What the multipart framing of one request may add to its files and fields. */
    public static final long FRAMING_BYTES = 64 * 1024;

    public UploadProperties {
        if (maxFiles <= 0 || maxFields < 0) {
            throw new IllegalArgumentException("dualdb.uploads.max-files must be positive, max-fields not negative");
        }
        if (maxRequestSize.toBytes() <= 0 || maxFieldsSize.toBytes() < 0 || maxTempSize.toBytes() <= 0
                || maxTempSizePerCaller.toBytes() <= 0) {
            throw new IllegalArgumentException("dualdb.uploads.max-request-size, max-temp-size and "
                    + "max-temp-size-per-caller must be positive, max-fields-size not negative");
        }
    }

    /**
     * The most bytes one request to a route may carry in all.
     * @param kinds the kinds of file the route takes
     * @param severalFiles whether it takes several files
     * @return {@code max-request-size} for a route taking several files (never more than
     * its files and fields can fill); for a route taking one file, the largest of its
     * kinds' limits plus the text fields and the framing
     */
    public long maxRequestBytes(Set<UploadKind> kinds, boolean severalFiles) {
        long largestFile = kinds.stream().mapToLong(this::maxBytes).max().orElse(0);
        long oneFile = largestFile + this.maxFieldsSize.toBytes() + FRAMING_BYTES;
        if (!severalFiles) {
            return oneFile;
        }
        long allFiles = largestFile * this.maxFiles + this.maxFieldsSize.toBytes() + FRAMING_BYTES;
        return Math.min(this.maxRequestSize.toBytes(), allFiles);
    }

    /**
     * Types that can carry script or markup a browser would run: never an image or a
     * video, whatever the configuration says.
     */
    public static final Set<String> SCRIPTABLE = Set.of("image/svg+xml", "text/html", "application/xhtml+xml",
            "text/xml", "application/xml", "text/javascript", "application/javascript", "application/ecmascript",
            "application/x-javascript", "text/ecmascript", "application/x-shockwave-flash");

    /**
     * The size limit of one kind of upload, in bytes.
     * @param kind the kind of upload
     * @return the most bytes accepted
     */
    public long maxBytes(UploadKind kind) {
        return switch (kind) {
            case IMAGE -> this.image.maxSize().toBytes();
            case VIDEO -> this.video.maxSize().toBytes();
            case RESOURCE -> this.resource.maxSize().toBytes();
        };
    }

    /**
     * The types one kind of upload accepts, lower case, without parameters.
     * @param kind the kind of upload
     * @return the accepted media types
     */
    public List<String> allowedTypes(UploadKind kind) {
        return switch (kind) {
            case IMAGE -> this.image.allowedTypes();
            case VIDEO -> this.video.allowedTypes();
            case RESOURCE -> this.resource.allowedTypes();
        };
    }

    private static List<String> normalised(List<String> types) {
        return types.stream()
            .map((type) -> type.trim().toLowerCase(Locale.ROOT))
            .filter((type) -> !type.isEmpty())
            .distinct()
            .toList();
    }

    /**
     * Limits of image uploads.
     *
     * @param maxSize the largest image accepted
     * @param allowedTypes the image types accepted (raster only; SVG and other scriptable
     * types are refused)
     * @param maxPixels the most pixels (width × height) an image may declare; checked
     * before decoding
     * @param renditionWidths the widths of the thumbnails made of each image (never wider
     * than the image itself)
     */
    public record Images(@DefaultValue("20MB") DataSize maxSize, @DefaultValue( {
            "image/jpeg", "image/png", "image/webp", "image/gif" }) List<String> allowedTypes,
            @DefaultValue("50000000") long maxPixels,
            @DefaultValue({ "160", "480", "1024" }) List<Integer> renditionWidths){

        public Images {
            allowedTypes = normalised(allowedTypes);
            for (String type : allowedTypes) {
                if (SCRIPTABLE.contains(type) || !type.startsWith("image/")) {
                    throw new IllegalArgumentException("dualdb.uploads.image.allowed-types cannot include " + type
                            + ": only raster image types can be images");
                }
            }
            if (maxPixels <= 0) {
                throw new IllegalArgumentException("dualdb.uploads.image.max-pixels must be positive");
            }
            renditionWidths = renditionWidths.stream().distinct().sorted().toList();
            if (renditionWidths.stream().anyMatch((width) -> width <= 0)) {
                throw new IllegalArgumentException("dualdb.uploads.image.rendition-widths must be positive");
            }
        }
    }

    /**
     * Limits of video uploads.
     *
     * @param maxSize the largest video accepted
     * @param allowedTypes the video types accepted
     */
    public record Videos(@DefaultValue("5GB") DataSize maxSize, @DefaultValue( {
            "video/mp4", "video/webm", "video/quicktime" }) List<String> allowedTypes){

        public Videos {
            allowedTypes = normalised(allowedTypes);
            for (String type : allowedTypes) {
                if (SCRIPTABLE.contains(type) || !type.startsWith("video/")) {
                    throw new IllegalArgumentException("dualdb.uploads.video.allowed-types cannot include " + type);
                }
            }
        }
    }

    /**
     * Limits of resource uploads.
     *
     * @param maxSize the largest resource accepted
     * @param allowedTypes the resource types accepted: documents, text, archives
     */
    public record Resources(@DefaultValue("200MB") DataSize maxSize, @DefaultValue( {
            "application/pdf", "text/plain", "text/csv", "text/markdown", "text/x-web-markdown", "application/rtf",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation", "application/epub+zip", "application/zip",
            "application/gzip", "application/x-tar", "application/x-7z-compressed" }) List<String> allowedTypes){

        public Resources {
            allowedTypes = normalised(allowedTypes);
        }
    }

}
