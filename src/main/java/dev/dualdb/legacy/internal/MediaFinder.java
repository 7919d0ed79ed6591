package dev.dualdb.legacy.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import dev.dualdb.media.MediaKind;

/**
 * Finds the media a legacy document embeds, as the mapping says where: product images,
 * lesson videos, lesson resources. It only reads the document. What cannot be understood
 * (a field missing from an element, a URL that is not a string, a lesson without an id)
 * becomes a failure of that one item; the rest of the document is still found.
 */
final class MediaFinder {

    private MediaFinder() {
    }

    static Found product(Document document, LegacyMapping.Products mapping) {
        List<FoundMedia> media = new ArrayList<>();
        List<ItemFailure> failures = new ArrayList<>();
        String id = DocumentFields.hexId(document.get("_id"));
        String base = mapping.collection() + "/" + ((id != null) ? id : String.valueOf(document.get("_id")));
        if (id == null) {
            failures.add(new ItemFailure(base, "unsupported-document-id",
                    "The document's _id is not an ObjectId (or 24 hex characters)"));
            return new Found(media, failures);
        }
        Object images = DocumentFields.get(document, mapping.images());
        if (images == null) {
            return new Found(media, failures);
        }
        if (!(images instanceof List<?> list)) {
            failures.add(new ItemFailure(base + "/" + mapping.images(), "unexpected-shape",
                    "'" + mapping.images() + "' is not an array"));
            return new Found(media, failures);
        }
        int primary = -1;
        for (int i = 0; i < list.size(); i++) {
            String key = base + "/" + mapping.images() + "/" + i;
            Object element = list.get(i);
            String url;
            String alt = null;
            if (element instanceof String text) {
                url = text;
            }
            else if (element instanceof Document image) {
                url = url(image, mapping.url(), key, mapping.images() + "[" + i + "]", failures);
                if (url == null) {
                    continue;
                }
                alt = DocumentFields.text(DocumentFields.get(image, mapping.alt()));
                if (primary < 0 && DocumentFields.flag(DocumentFields.get(image, mapping.primary()))) {
                    primary = media.size();
                }
            }
            else {
                failures.add(new ItemFailure(key, "unexpected-shape",
                        mapping.images() + "[" + i + "] is neither a sub-document nor a URL string"));
                continue;
            }
            media.add(new FoundMedia(key, MediaKind.PRODUCT_IMAGE, id, null, url, alt, i, false, null, false));
        }
        if (!media.isEmpty()) {
            int chosen = Math.max(primary, 0);
            FoundMedia first = media.get(chosen);
            media.set(chosen, new FoundMedia(first.key(), first.kind(), first.ownerId(), null, first.url(),
                    first.text(), first.position(), true, null, false));
        }
        return new Found(media, failures);
    }

    static Found course(Document document, LegacyMapping.Courses mapping) {
        List<FoundMedia> media = new ArrayList<>();
        List<ItemFailure> failures = new ArrayList<>();
        String id = DocumentFields.hexId(document.get("_id"));
        String base = mapping.collection() + "/" + ((id != null) ? id : String.valueOf(document.get("_id")));
        if (id == null) {
            failures.add(new ItemFailure(base, "unsupported-document-id",
                    "The document's _id is not an ObjectId (or 24 hex characters)"));
            return new Found(media, failures);
        }
        List<?> sections = array(document, mapping.sections(), base, failures);
        for (int s = 0; s < sections.size(); s++) {
            String sectionKey = base + "/" + mapping.sections() + "/" + s;
            if (!(sections.get(s) instanceof Document section)) {
                failures.add(new ItemFailure(sectionKey, "unexpected-shape", "The section is not a sub-document"));
                continue;
            }
            List<?> lessons = array(section, mapping.lessons(), sectionKey, failures);
            for (int l = 0; l < lessons.size(); l++) {
                String lessonKey = sectionKey + "/" + mapping.lessons() + "/" + l;
                if (!(lessons.get(l) instanceof Document lesson)) {
                    failures.add(new ItemFailure(lessonKey, "unexpected-shape", "The lesson is not a sub-document"));
                    continue;
                }
                lesson(id, lesson, l, lessonKey, mapping, media, failures);
            }
        }
        return new Found(media, failures);
    }

    private static void lesson(String courseId, Document lesson, int index, String lessonKey,
            LegacyMapping.Courses mapping, List<FoundMedia> media, List<ItemFailure> failures) {
        String lessonId = DocumentFields.hexId(DocumentFields.get(lesson, mapping.lessonId()));
        String title = DocumentFields.text(DocumentFields.get(lesson, mapping.lessonTitle()));
        Object video = DocumentFields.get(lesson, mapping.videoUrl());
        // A lesson without a video has no field, null or "" (Mongoose's default for a
        // String).
        if (video != null && !(video instanceof String text && text.isBlank())) {
            String key = lessonKey + "/" + mapping.videoUrl();
            String url = url(lesson, mapping.videoUrl(), key, "the lesson", failures);
            if (url != null && lessonId == null) {
                failures.add(lessonWithoutId(key, mapping));
            }
            else if (url != null) {
                media.add(new FoundMedia(key, MediaKind.COURSE_VIDEO, courseId, lessonId, url,
                        (title != null) ? title : "Lesson " + (index + 1), 0, false,
                        duration(DocumentFields.get(lesson, mapping.videoDuration())),
                        DocumentFields.flag(DocumentFields.get(lesson, mapping.videoPreview()))));
            }
        }
        if (mapping.resources() == null) {
            return;
        }
        List<?> resources = array(lesson, mapping.resources(), lessonKey, failures);
        for (int r = 0; r < resources.size(); r++) {
            String key = lessonKey + "/" + mapping.resources() + "/" + r;
            Object element = resources.get(r);
            String url;
            String name = null;
            if (element instanceof String text) {
                url = text;
            }
            else if (element instanceof Document resource) {
                url = url(resource, mapping.resourceUrl(), key, mapping.resources() + "[" + r + "]", failures);
                name = DocumentFields.text(DocumentFields.get(resource, mapping.resourceName()));
            }
            else {
                failures.add(new ItemFailure(key, "unexpected-shape",
                        mapping.resources() + "[" + r + "] is neither a sub-document nor a URL string"));
                continue;
            }
            if (url == null) {
                continue;
            }
            if (lessonId == null) {
                failures.add(lessonWithoutId(key, mapping));
                continue;
            }
            media.add(new FoundMedia(key, MediaKind.COURSE_RESOURCE, courseId, lessonId, url,
                    (name != null) ? name : fileName(url, "Resource " + (r + 1)), r, false, null, false));
        }
    }

    private static ItemFailure lessonWithoutId(String key, LegacyMapping.Courses mapping) {
        return new ItemFailure(key, "lesson-without-id",
                "The lesson has no '" + mapping.lessonId() + "' (an ObjectId or 24 hex characters)");
    }

    private static List<?> array(Document document, String field, String key, List<ItemFailure> failures) {
        Object value = DocumentFields.get(document, field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        failures.add(new ItemFailure(key + "/" + field, "unexpected-shape", "'" + field + "' is not an array"));
        return List.of();
    }

    private static String url(Document element, String field, String key, String where, List<ItemFailure> failures) {
        if (!DocumentFields.has(element, field)) {
            failures.add(new ItemFailure(key, "missing-field", where + " has no field '" + field + "'"));
            return null;
        }
        Object value = DocumentFields.get(element, field);
        if (!(value instanceof String text) || text.isBlank()) {
            failures.add(new ItemFailure(key, "unexpected-shape", "'" + field + "' is not a non-empty string"));
            return null;
        }
        return text.strip();
    }

    private static BigDecimal duration(Object value) {
        if (value instanceof Number number) {
            try {
                return new BigDecimal(number.toString());
            }
            catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }

    static String fileName(String url, String otherwise) {
        String path = url;
        int cut = path.indexOf('?');
        path = (cut >= 0) ? path.substring(0, cut) : path;
        cut = path.indexOf('#');
        path = (cut >= 0) ? path.substring(0, cut) : path;
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isBlank() ? otherwise : name;
    }

    /**
     * What one document holds.
     *
     * @param media the media found
     * @param failures the items that could not be understood
     */
    record Found(List<FoundMedia> media, List<ItemFailure> failures) {
    }

}
