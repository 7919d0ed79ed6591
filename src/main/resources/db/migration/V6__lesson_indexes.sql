-- The reconciler walks the lessons media rows point at (keyset pagination: lesson_id > :after ORDER BY lesson_id)
-- and deletes the rows of lessons that are gone (lesson_id = ANY(:ids)); so does deleting a lesson. The
-- (mongo_course_id, lesson_id) indexes cannot serve a lookup by lesson alone.
CREATE INDEX idx_course_videos_lesson ON course_videos (lesson_id) WHERE lesson_id IS NOT NULL;
CREATE INDEX idx_course_resources_lesson ON course_resources (lesson_id);
