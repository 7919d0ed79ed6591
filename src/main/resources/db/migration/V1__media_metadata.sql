-- The four tables of the original design (ProductImage, CourseVideo, CourseResource, MediaStorage),
-- plus the content-addressed blob index that holds the physical facts about stored bytes.
-- MongoDB ids (products, courses, lessons, any reference) are 24 lower-case hex characters.

CREATE TABLE blobs (
    sha256        CHAR(64)     PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes    BIGINT       NOT NULL CHECK (size_bytes >= 0),
    content_type  VARCHAR(255) NOT NULL,
    storage_type  VARCHAR(16)  NOT NULL CHECK (storage_type IN ('LOCAL', 'S3')),
    storage_key   VARCHAR(512) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE product_images (
    id                UUID         PRIMARY KEY,
    mongo_product_id  CHAR(24)     NOT NULL CHECK (mongo_product_id ~ '^[0-9a-f]{24}$'),
    image_url         TEXT         NOT NULL CHECK (length(image_url) <= 2048),
    blob_sha256       CHAR(64)     REFERENCES blobs (sha256),
    file_name         VARCHAR(255),
    file_size         BIGINT       CHECK (file_size >= 0),
    mime_type         VARCHAR(255),
    storage_type      VARCHAR(16)  NOT NULL CHECK (storage_type IN ('LOCAL', 'S3', 'EXTERNAL')),
    position          INTEGER      NOT NULL DEFAULT 0 CHECK (position >= 0),
    is_primary        BOOLEAN      NOT NULL DEFAULT FALSE,
    alt_text          VARCHAR(500),
    width             INTEGER      CHECK (width > 0),
    height            INTEGER      CHECK (height > 0),
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK ((storage_type = 'EXTERNAL') = (blob_sha256 IS NULL))
);
CREATE INDEX idx_product_images_product ON product_images (mongo_product_id, position);
CREATE INDEX idx_product_images_storage_type ON product_images (storage_type);
CREATE INDEX idx_product_images_created_at ON product_images (created_at);
CREATE INDEX idx_product_images_blob ON product_images (blob_sha256);
-- At most one primary image per product.
CREATE UNIQUE INDEX uq_product_images_primary ON product_images (mongo_product_id) WHERE is_primary;

CREATE TABLE course_videos (
    id                UUID         PRIMARY KEY,
    mongo_course_id   CHAR(24)     NOT NULL CHECK (mongo_course_id ~ '^[0-9a-f]{24}$'),
    lesson_id         CHAR(24)     CHECK (lesson_id ~ '^[0-9a-f]{24}$'),
    title             VARCHAR(300) NOT NULL,
    video_url         TEXT         NOT NULL CHECK (length(video_url) <= 2048),
    video_type        VARCHAR(16)  NOT NULL CHECK (video_type IN ('UPLOAD', 'YOUTUBE', 'VIMEO', 'EXTERNAL')),
    blob_sha256       CHAR(64)     REFERENCES blobs (sha256),
    file_name         VARCHAR(255),
    file_size         BIGINT       CHECK (file_size >= 0),
    mime_type         VARCHAR(255),
    duration          NUMERIC(12, 3) CHECK (duration >= 0),
    storage_type      VARCHAR(16)  NOT NULL CHECK (storage_type IN ('LOCAL', 'S3', 'EXTERNAL')),
    is_preview        BOOLEAN      NOT NULL DEFAULT FALSE,
    access_count      BIGINT       NOT NULL DEFAULT 0 CHECK (access_count >= 0),
    last_accessed_at  TIMESTAMPTZ,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK ((storage_type = 'EXTERNAL') = (blob_sha256 IS NULL)),
    CHECK ((video_type = 'UPLOAD') = (storage_type <> 'EXTERNAL'))
);
CREATE INDEX idx_course_videos_course ON course_videos (mongo_course_id, lesson_id);
CREATE INDEX idx_course_videos_video_type ON course_videos (video_type);
CREATE INDEX idx_course_videos_storage_type ON course_videos (storage_type);
CREATE INDEX idx_course_videos_created_at ON course_videos (created_at);
CREATE INDEX idx_course_videos_blob ON course_videos (blob_sha256);

CREATE TABLE course_resources (
    id                UUID         PRIMARY KEY,
    mongo_course_id   CHAR(24)     NOT NULL CHECK (mongo_course_id ~ '^[0-9a-f]{24}$'),
    lesson_id         CHAR(24)     NOT NULL CHECK (lesson_id ~ '^[0-9a-f]{24}$'),
    resource_name     VARCHAR(300) NOT NULL,
    resource_type     VARCHAR(16)  NOT NULL CHECK (resource_type IN
                          ('PDF', 'DOCUMENT', 'PRESENTATION', 'SPREADSHEET', 'TEXT', 'ARCHIVE', 'OTHER')),
    resource_url      TEXT         NOT NULL CHECK (length(resource_url) <= 2048),
    blob_sha256       CHAR(64)     REFERENCES blobs (sha256),
    file_name         VARCHAR(255),
    file_size         BIGINT       CHECK (file_size >= 0),
    mime_type         VARCHAR(255),
    storage_type      VARCHAR(16)  NOT NULL CHECK (storage_type IN ('LOCAL', 'S3', 'EXTERNAL')),
    access_count      BIGINT       NOT NULL DEFAULT 0 CHECK (access_count >= 0),
    last_accessed_at  TIMESTAMPTZ,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK ((storage_type = 'EXTERNAL') = (blob_sha256 IS NULL))
);
CREATE INDEX idx_course_resources_course ON course_resources (mongo_course_id, lesson_id);
CREATE INDEX idx_course_resources_resource_type ON course_resources (resource_type);
CREATE INDEX idx_course_resources_storage_type ON course_resources (storage_type);
CREATE INDEX idx_course_resources_created_at ON course_resources (created_at);
CREATE INDEX idx_course_resources_blob ON course_resources (blob_sha256);

CREATE TABLE media_storage (
    id                UUID         PRIMARY KEY,
    reference_type    VARCHAR(16)  NOT NULL CHECK (reference_type IN ('PRODUCT', 'COURSE', 'LESSON', 'USER')),
    reference_id      CHAR(24)     NOT NULL CHECK (reference_id ~ '^[0-9a-f]{24}$'),
    media_type        VARCHAR(16)  NOT NULL CHECK (media_type IN ('IMAGE', 'VIDEO', 'AUDIO', 'DOCUMENT', 'OTHER')),
    media_url         TEXT         NOT NULL CHECK (length(media_url) <= 2048),
    blob_sha256       CHAR(64)     REFERENCES blobs (sha256),
    file_name         VARCHAR(255),
    file_size         BIGINT       CHECK (file_size >= 0),
    mime_type         VARCHAR(255),
    storage_type      VARCHAR(16)  NOT NULL CHECK (storage_type IN ('LOCAL', 'S3', 'EXTERNAL')),
    access_count      BIGINT       NOT NULL DEFAULT 0 CHECK (access_count >= 0),
    last_accessed_at  TIMESTAMPTZ,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK ((storage_type = 'EXTERNAL') = (blob_sha256 IS NULL))
);
CREATE INDEX idx_media_storage_reference ON media_storage (reference_type, reference_id);
CREATE INDEX idx_media_storage_storage_type ON media_storage (storage_type);
CREATE INDEX idx_media_storage_created_at ON media_storage (created_at);
CREATE INDEX idx_media_storage_blob ON media_storage (blob_sha256);
