package dev.dualdb.legacy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Where the media is in the documents of the catalog being imported: the collections, and
 * the field names of images, lessons, videos and resources. The default
 * ({@code legacy/default-mapping.yaml}) is the original Node/Mongoose design; a mapping
 * file (YAML, or JSON, which is read the same way) overrides any of its keys, and a key
 * set to {@code null} turns that part off. Field names may be dotted paths
 * ({@code media.images}). A key this class does not know is refused, so that a typo does
 * not silently import nothing.
 *
 * @param products where product images are, or {@code null} to import no products
 * @param courses where course videos and lesson resources are, or {@code null}
 * @param relativeUrlBase what relative URLs ({@code /uploads/a.jpg}) are resolved
 * against, such as {@code file:///srv/shop/public/} or {@code https://shop.example.com/};
 * {@code null}: a relative URL is a failure
 */
public record LegacyMapping(Products products, Courses courses, String relativeUrlBase) {

    static final String DEFAULT = "legacy/default-mapping.yaml";

    private static final List<String> TOP = List.of("products", "courses", "relativeUrlBase");

    private static final List<String> PRODUCT_KEYS = List.of("collection", "images", "url", "alt", "primary");

    private static final List<String> COURSE_KEYS = List.of("collection", "sections", "lessons", "lessonId",
            "lessonTitle", "videoUrl", "videoDuration", "videoPreview", "resources", "resourceUrl", "resourceName");

    private static final Set<String> REQUIRED = Set.of("products.collection", "products.images", "products.url",
            "courses.collection", "courses.sections", "courses.lessons", "courses.lessonId", "courses.resourceUrl");

    /**
     * The default mapping, with the keys of {@code file} (if any) laid over it.
     * @param file a YAML or JSON mapping file, or {@code null}
     * @return the mapping
     * @throws MappingRefused if the file cannot be read, is not a mapping, or has keys
     * this importer does not know
     */
    public static LegacyMapping load(Path file) {
        Map<String, Object> merged = read(LegacyMapping.class.getClassLoader().getResourceAsStream(DEFAULT), DEFAULT);
        if (file != null) {
            Map<String, Object> given;
            try (InputStream in = Files.newInputStream(file)) {
                given = read(in, file.toString());
            }
            catch (IOException ex) {
                throw new MappingRefused("Cannot read the mapping file " + file + ": " + ex.getMessage());
            }
            List<String> unknown = new ArrayList<>();
            overlay(merged, given, "", unknown);
            if (!unknown.isEmpty()) {
                throw new MappingRefused("Unknown keys in " + file + ": " + String.join(", ", unknown)
                        + " (known: products." + PRODUCT_KEYS + ", courses." + COURSE_KEYS + ", " + TOP.get(2) + ")");
            }
        }
        return of(merged);
    }

    private static Map<String, Object> read(InputStream in, String name) {
        if (in == null) {
            throw new MappingRefused("Cannot find " + name);
        }
        try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            Object value = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(value instanceof Map<?, ?> map)) {
                throw new MappingRefused(name + " is not a mapping of keys to values");
            }
            return copy(map);
        }
        catch (IOException | YAMLException ex) {
            throw new MappingRefused("Cannot read the mapping " + name + ": " + ex.getMessage());
        }
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key),
                (value instanceof Map<?, ?> nested) ? copy(nested) : value));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static void overlay(Map<String, Object> base, Map<String, Object> given, String prefix,
            List<String> unknown) {
        given.forEach((key, value) -> {
            String path = prefix + key;
            if (!base.containsKey(key)) {
                unknown.add(path);
                return;
            }
            Object current = base.get(key);
            if (current instanceof Map<?, ?> && value instanceof Map<?, ?> nested) {
                overlay((Map<String, Object>) current, (Map<String, Object>) nested, path + ".", unknown);
            }
            else if (current instanceof Map<?, ?> && value != null) {
                unknown.add(path + " (a section: give its keys, or null to turn it off)");
            }
            else if (value instanceof Map<?, ?>) {
                unknown.add(path + " (a field name, not a section)");
            }
            else {
                base.put(key, value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static LegacyMapping of(Map<String, Object> merged) {
        Map<String, Object> products = (Map<String, Object>) merged.get("products");
        Map<String, Object> courses = (Map<String, Object>) merged.get("courses");
        Object base = merged.get("relativeUrlBase");
        return new LegacyMapping((products != null) ? products(products) : null,
                (courses != null) ? courses(courses) : null, (base != null) ? base.toString() : null);
    }

    private static Products products(Map<String, Object> section) {
        return new Products(text(section, "products", "collection"), text(section, "products", "images"),
                text(section, "products", "url"), text(section, "products", "alt"),
                text(section, "products", "primary"));
    }

    private static Courses courses(Map<String, Object> section) {
        return new Courses(text(section, "courses", "collection"), text(section, "courses", "sections"),
                text(section, "courses", "lessons"), text(section, "courses", "lessonId"),
                text(section, "courses", "lessonTitle"), text(section, "courses", "videoUrl"),
                text(section, "courses", "videoDuration"), text(section, "courses", "videoPreview"),
                text(section, "courses", "resources"), text(section, "courses", "resourceUrl"),
                text(section, "courses", "resourceName"));
    }

    private static String text(Map<String, Object> section, String name, String key) {
        Object value = section.get(key);
        String text = (value != null) ? value.toString().strip() : "";
        if (text.isEmpty() && REQUIRED.contains(name + "." + key)) {
            throw new MappingRefused(name + "." + key + " must name a field");
        }
        return text.isEmpty() ? null : text;
    }

    /**
     * Product images.
     *
     * @param collection the collection
     * @param images the array of images: sub-documents, or URL strings
     * @param url the image's URL in a sub-document
     * @param alt its alt text, or {@code null}
     * @param primary the flag that makes it the product's main image, or {@code null}
     * (the first image is)
     */
    public record Products(String collection, String images, String url, String alt, String primary) {
    }

    /**
     * Course videos and lesson resources.
     *
     * @param collection the collection
     * @param sections the array of sections in a course
     * @param lessons the array of lessons in a section
     * @param lessonId the lesson's id (an ObjectId or 24 hex characters)
     * @param lessonTitle the lesson's title (the video's title)
     * @param videoUrl the lesson's video URL, or {@code null} to import no videos
     * @param videoDuration the video's length in seconds, or {@code null}
     * @param videoPreview the flag that lets anyone watch it, or {@code null}
     * @param resources the array of the lesson's resources (sub-documents or URL
     * strings), or {@code null} to import no resources
     * @param resourceUrl the resource's URL in a sub-document
     * @param resourceName the resource's name, or {@code null} (the URL's file name)
     */
    public record Courses(String collection, String sections, String lessons, String lessonId, String lessonTitle,
            String videoUrl, String videoDuration, String videoPreview, String resources, String resourceUrl,
            String resourceName) {
    }

}
