-- Facts found by probing uploaded bytes: page counts of documents, dimensions and running time of any media.
ALTER TABLE course_resources ADD COLUMN page_count INTEGER CHECK (page_count >= 0);
ALTER TABLE media_storage
    ADD COLUMN width INTEGER CHECK (width > 0),
    ADD COLUMN height INTEGER CHECK (height > 0),
    ADD COLUMN duration NUMERIC(12, 3) CHECK (duration >= 0),
    ADD COLUMN page_count INTEGER CHECK (page_count >= 0);
