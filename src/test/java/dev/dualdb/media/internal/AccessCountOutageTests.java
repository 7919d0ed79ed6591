package dev.dualdb.media.internal;

import java.time.Duration;
import java.util.UUID;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.dualdb.embedded.EmbeddedPostgresServer;
import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.postgres.PostgresUnavailable;
import dev.dualdb.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * PostgreSQL stops while views are counted: the flush fails and keeps its counts, new
 * counts are refused as PostgreSQL being unavailable (so memory holds at most what was
 * counted before the failure), and the first flush after PostgreSQL is back writes them.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "dualdb.test.context=access-count-outage")
class AccessCountOutageTests extends ApiTest {

    @Autowired
    PostgresDatabase database;

    @Autowired
    EmbeddedPostgresServer postgres;

    @AfterEach
    void restartPostgres() {
        this.postgres.start();
    }

    @Test
    void aFailedFlushKeepsItsCountsAndTheNextOneWritesThem() {
        AccessCounts counts = new AccessCounts(this.database, new AccessCountSettings(Duration.ofHours(1), 1000));
        String course = new ObjectId().toHexString();
        UUID video = AccessCountsTests.insertVideo(this.jdbc, course);
        for (int i = 0; i < 3; i++) {
            counts.count(MediaTable.COURSE_VIDEOS, course, video);
        }

        this.postgres.stop();

        assertThatExceptionOfType(PostgresUnavailable.class).isThrownBy(counts::flush);
        assertThat(counts.unwritten(MediaTable.COURSE_VIDEOS, video)).isEqualTo(3);
        assertThatExceptionOfType(PostgresUnavailable.class).as("no new counts while they cannot be written")
            .isThrownBy(() -> counts.count(MediaTable.COURSE_VIDEOS, course, video));
        assertThatExceptionOfType(PostgresUnavailable.class).isThrownBy(counts::flush);
        assertThat(counts.unwritten(MediaTable.COURSE_VIDEOS, video)).isEqualTo(3);

        this.postgres.start();

        // The first attempts may meet a pooled connection to the stopped server: those
        // fail like the flushes above and keep the counts, as the scheduler's next run
        // would.
        AccessCounts.Flushed flushed = null;
        for (int attempt = 0; flushed == null && attempt < 20; attempt++) {
            try {
                flushed = counts.flush();
            }
            catch (PostgresUnavailable ex) {
                assertThat(counts.unwritten(MediaTable.COURSE_VIDEOS, video)).isEqualTo(3);
            }
        }
        assertThat(flushed).isEqualTo(new AccessCounts.Flushed(3, 0));
        assertThat(count("SELECT access_count FROM course_videos WHERE id = ?", video)).isEqualTo(3);
        assertThat(counts.count(MediaTable.COURSE_VIDEOS, course, video).accessCount()).isEqualTo(4);
    }

}
