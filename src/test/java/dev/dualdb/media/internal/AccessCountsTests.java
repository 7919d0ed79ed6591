package dev.dualdb.media.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.dualdb.media.AccessCount;
import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Batched view counting against the real PostgreSQL: counts reach the row when flushed,
 * two instances counting the same video add up exactly, counts of a deleted video are
 * dropped, a graceful stop writes what is left. Each test makes its own counters on the
 * service's PostgreSQL, as separate instances of the service would.
 */
class AccessCountsTests extends ApiTest {

    @Autowired
    PostgresDatabase database;

    @Test
    void countsAreAnsweredAtOnceAndReachTheRowWhenFlushed() {
        AccessCounts counts = counts(1000);
        String course = new ObjectId().toHexString();
        UUID video = insertVideo(course);

        List<Long> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(counts.count(MediaTable.COURSE_VIDEOS, course, video).accessCount());
        }

        assertThat(answers).containsExactly(1L, 2L, 3L);
        assertThat(accessCount(video)).as("nothing written before the flush").isZero();
        assertThat(counts.unwritten(MediaTable.COURSE_VIDEOS, video)).isEqualTo(3);

        assertThat(counts.flush()).isEqualTo(new AccessCounts.Flushed(3, 0));

        assertThat(accessCount(video)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM course_videos WHERE id = ? AND last_accessed_at IS NOT NULL", video))
            .isEqualTo(1);
        assertThat(counts.unwritten(MediaTable.COURSE_VIDEOS, video)).isZero();
        assertThat(counts.flush()).as("nothing left to write").isEqualTo(new AccessCounts.Flushed(0, 0));
        assertThat(counts.count(MediaTable.COURSE_VIDEOS, course, video).accessCount()).isEqualTo(4);
    }

    @Test
    void unknownMediaAndMediaOfAnotherOwnerAreNotFoundAndNotCounted() {
        AccessCounts counts = counts(1000);
        String course = new ObjectId().toHexString();
        UUID video = insertVideo(course);
        counts.count(MediaTable.COURSE_VIDEOS, course, video);

        assertThatExceptionOfType(MediaNotFound.class)
            .isThrownBy(() -> counts.count(MediaTable.COURSE_VIDEOS, new ObjectId().toHexString(), video));
        assertThatExceptionOfType(MediaNotFound.class)
            .isThrownBy(() -> counts.count(MediaTable.COURSE_VIDEOS, course, UUID.randomUUID()));
        assertThatExceptionOfType(MediaNotFound.class).as("a video id is not a resource id")
            .isThrownBy(() -> counts.count(MediaTable.COURSE_RESOURCES, course, video));

        counts.flush();
        assertThat(accessCount(video)).isEqualTo(1);
    }

    @Test
    void twoInstancesCountingTheSameVideoAddUpExactly() throws Exception {
        AccessCounts first = counts(1000);
        AccessCounts second = counts(1000);
        String course = new ObjectId().toHexString();
        UUID video = insertVideo(course);
        int threads = 8;
        int perThread = 500;
        AtomicBoolean counting = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            Future<?> flusher = pool.submit(() -> {
                while (counting.get()) {
                    first.flush();
                    second.flush();
                }
            });
            List<Future<List<Long>>> counters = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                AccessCounts instance = (t % 2 == 0) ? first : second;
                counters.add(pool.submit(() -> {
                    List<Long> seen = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        seen.add(instance.count(MediaTable.COURSE_VIDEOS, course, video).accessCount());
                    }
                    return seen;
                }));
            }
            for (Future<List<Long>> counter : counters) {
                assertThat(counter.get()).as("each instance's answers only grow").isSorted();
            }
            counting.set(false);
            flusher.get();
        }
        finally {
            pool.shutdownNow();
        }
        first.flush();
        second.flush();

        assertThat(accessCount(video)).isEqualTo((long) threads * perThread);
    }

    @Test
    void countsOfADeletedVideoAreDroppedWithoutFailingTheFlush() {
        AccessCounts counts = counts(1000);
        String course = new ObjectId().toHexString();
        UUID deleted = insertVideo(course);
        UUID kept = insertVideo(course);
        counts.count(MediaTable.COURSE_VIDEOS, course, deleted);
        counts.count(MediaTable.COURSE_VIDEOS, course, deleted);
        counts.count(MediaTable.COURSE_VIDEOS, course, kept);
        this.jdbc.sql("DELETE FROM course_videos WHERE id = ?").param(deleted).update();

        assertThat(counts.flush()).isEqualTo(new AccessCounts.Flushed(1, 2));

        assertThat(accessCount(kept)).isEqualTo(1);
        assertThat(counts.unwritten(MediaTable.COURSE_VIDEOS, deleted)).isZero();
        assertThatExceptionOfType(MediaNotFound.class)
            .isThrownBy(() -> counts.count(MediaTable.COURSE_VIDEOS, course, deleted));
    }

    @Test
    void beyondTheMemoryBoundACountIsWrittenAtOnce() {
        AccessCounts counts = counts(1);
        String course = new ObjectId().toHexString();
        UUID kept = insertVideo(course);
        UUID direct = insertVideo(course);
        counts.count(MediaTable.COURSE_VIDEOS, course, kept);

        AccessCount counted = counts.count(MediaTable.COURSE_VIDEOS, course, direct);

        assertThat(counted.accessCount()).isEqualTo(1);
        assertThat(accessCount(direct)).isEqualTo(1);
        assertThat(counts.unwritten(MediaTable.COURSE_VIDEOS, direct)).isZero();
        assertThatExceptionOfType(MediaNotFound.class)
            .isThrownBy(() -> counts.count(MediaTable.COURSE_VIDEOS, new ObjectId().toHexString(), direct));
    }

    @Test
    void aGracefulStopWritesWhatIsLeft() {
        AccessCounts counts = counts(1000);
        String course = new ObjectId().toHexString();
        UUID video = insertVideo(course);
        counts.start();
        counts.count(MediaTable.COURSE_VIDEOS, course, video);
        counts.count(MediaTable.COURSE_VIDEOS, course, video);

        counts.stop();

        assertThat(accessCount(video)).isEqualTo(2);
    }

    private AccessCounts counts(int maxPending) {
        return new AccessCounts(this.database, new AccessCountSettings(Duration.ofHours(1), maxPending));
    }

    private UUID insertVideo(String course) {
        return insertVideo(this.jdbc, course);
    }

    private long accessCount(UUID video) {
        return count("SELECT access_count FROM course_videos WHERE id = ?", video);
    }

    static UUID insertVideo(JdbcClient jdbc, String course) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO course_videos (id, mongo_course_id, title, video_url, video_type, storage_type)
                VALUES (?, ?, 'Counted', 'https://cdn.example.com/v.mp4', 'EXTERNAL', 'EXTERNAL')""")
            .params(id, course)
            .update();
        return id;
    }

}
