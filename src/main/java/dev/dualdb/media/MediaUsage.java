package dev.dualdb.media;

import java.util.Collection;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

import dev.dualdb.postgres.PostgresDatabase;

/**
 * How many bytes of uploaded files a set of courses holds, for the instructors' storage
 * quota: one query over the videos, resources and other media of those courses.
 */
@Service
public class MediaUsage {

    private final PostgresDatabase database;

    MediaUsage(PostgresDatabase database) {
        this.database = database;
    }

    /**
     * The sum of the file sizes of the media of the courses (their videos, their
     * resources and the media stored with a course as reference). Each row counts, so the
     * same bytes uploaded twice count twice, as the uploader sees it.
     * @param courseIds the courses
     * @return the total in bytes, {@code 0} for no courses
     */
    public long courseBytes(Collection<ObjectId> courseIds) {
        if (courseIds.isEmpty()) {
            return 0;
        }
        String[] ids = courseIds.stream().map(ObjectId::toHexString).toArray(String[]::new);
        // Served by idx_course_videos_course, idx_course_resources_course and the
        // reference index of media_storage.
        return this.database.read((jdbc) -> jdbc.sql("""
                select coalesce(sum(file_size), 0) from (
                    select file_size from course_videos where mongo_course_id = any(cast(:ids as char(24)[]))
                    union all
                    select file_size from course_resources where mongo_course_id = any(cast(:ids as char(24)[]))
                    union all
                    select file_size from media_storage
                    where reference_type = 'COURSE' and reference_id = any(cast(:ids as char(24)[]))
                ) media""").param("ids", ids).query(Long.class).single());
    }

}
