-- What `java -jar dualdb.jar import` has imported from an existing catalog (docs/import.md): one row per piece of
-- media found in a legacy document, keyed by where it was found (collection/document id/field path/index), written
-- in the same transaction as the media row it made. A second run skips every key found here, so it creates nothing
-- new, and an import killed halfway is finished by running it again. The row stays when its media row is deleted
-- through the API later, so a re-run does not bring deleted media back.
CREATE TABLE legacy_imports (
    import_key    VARCHAR(1000) PRIMARY KEY,
    media_kind    VARCHAR(24)   NOT NULL CHECK (media_kind IN ('PRODUCT_IMAGE', 'COURSE_VIDEO', 'COURSE_RESOURCE')),
    media_id      UUID          NOT NULL UNIQUE,
    source_url    TEXT          NOT NULL,
    bytes_copied  BOOLEAN       NOT NULL,
    imported_at   TIMESTAMPTZ   NOT NULL DEFAULT now()
);
