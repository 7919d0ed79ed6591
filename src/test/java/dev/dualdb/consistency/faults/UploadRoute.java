package dev.dualdb.consistency.faults;

import tools.jackson.databind.JsonNode;

/** The four routes that upload a file for an owner that exists already. */
enum UploadRoute {

    /** {@code POST /api/products/{id}/images}. */
    PRODUCT_IMAGES,
    /** {@code POST /api/courses/{id}/videos}, for lesson L1. */
    COURSE_VIDEO,
    /** {@code POST /api/courses/{id}/lessons/{lessonId}/resources}. */
    LESSON_RESOURCE,
    /** {@code POST /api/media}, an image of a lesson. */
    ANY_MEDIA;

    /** A file of the kind this route takes, with bytes of its own. */
    Sample sample() {
        return switch (this) {
            case PRODUCT_IMAGES, ANY_MEDIA -> Sample.image();
            case COURSE_VIDEO -> Sample.video();
            case LESSON_RESOURCE -> Sample.text();
        };
    }

    /** Where the bytes of the media in this route's 201 body are served. */
    String urlOf(JsonNode created) {
        return switch (this) {
            case PRODUCT_IMAGES -> created.get(0).path("imageUrl").asString();
            case COURSE_VIDEO -> created.path("videoUrl").asString();
            case LESSON_RESOURCE -> created.path("resourceUrl").asString();
            case ANY_MEDIA -> created.path("mediaUrl").asString();
        };
    }

}
