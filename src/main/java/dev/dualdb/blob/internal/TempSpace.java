package dev.dualdb.blob.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes that uploads in progress hold in temporary files, against a global cap
 * ({@code dualdb.uploads.max-temp-size}) and a cap per caller
 * ({@code dualdb.uploads.max-temp-size-per-caller}; the caller is the user, or the client
 * address without a token), so that many large uploads at once cannot fill the disk, and
 * one caller cannot take all of it from the others. Each upload takes bytes through a
 * {@link Lease} as it stages them and gives them all back when it is done, whatever the
 * outcome.
 */
public final class TempSpace {

    private final long limit;

    private final long perCaller;

    private final AtomicLong used = new AtomicLong();

    private final Map<String, Long> byCaller = new ConcurrentHashMap<>();

    /**
     * A cap of {@code limit} bytes, {@code perCaller} of them for any one caller.
     * @param limit the most bytes all uploads together may hold in temporary files
     * @param perCaller the most bytes the uploads of one caller may hold
     */
    public TempSpace(long limit, long perCaller) {
        this.limit = limit;
        this.perCaller = perCaller;
    }

    /**
     * Whether {@code bytes} more would fit, without taking them: for a request that
     * declares its length, refused before any byte is read.
     * @param callerKey who is uploading
     * @param bytes the bytes the request declares
     * @return whether they fit now
     */
    public boolean hasRoomFor(String callerKey, long bytes) {
        return bytes <= this.limit - this.used.get() && bytes <= this.perCaller - usedBy(callerKey);
    }

    /**
     * Starts counting the temporary bytes of one upload.
     * @param callerKey who is uploading
     * @return the lease, to close when the upload is done
     */
    public Lease lease(String callerKey) {
        return new Lease(callerKey);
    }

    /**
     * The bytes held now by all uploads.
     * @return the bytes in temporary files
     */
    public long used() {
        return this.used.get();
    }

    /**
     * The bytes held now by one caller's uploads.
     * @param callerKey the caller
     * @return the bytes in that caller's temporary files
     */
    public long usedBy(String callerKey) {
        return this.byCaller.getOrDefault(callerKey, 0L);
    }

    /**
     * Takes {@code bytes} for {@code callerKey} if they fit under both caps.
     * @param callerKey who is uploading
     * @param bytes the bytes to take
     * @return whether they were taken
     */
    boolean tryTake(String callerKey, long bytes) {
        boolean[] taken = { false };
        this.byCaller.compute(callerKey, (key, held) -> {
            long now = (held != null) ? held : 0L;
            if (now + bytes > this.perCaller) {
                return held;
            }
            if (this.used.addAndGet(bytes) > this.limit) {
                this.used.addAndGet(-bytes);
                return held;
            }
            taken[0] = true;
            return now + bytes;
        });
        return taken[0];
    }

    void giveBack(String callerKey, long bytes) {
        if (bytes == 0) {
            return;
        }
        this.used.addAndGet(-bytes);
        this.byCaller.computeIfPresent(callerKey, (key, held) -> (held - bytes <= 0) ? null : held - bytes);
    }

    /** The bytes one upload holds. */
    public final class Lease implements AutoCloseable {

        private final String callerKey;

        private long held;

        Lease(String callerKey) {
            this.callerKey = callerKey;
        }

        /**
         * Takes {@code bytes} more, about to be written to the temporary file.
         * @param bytes the bytes to take
         * @throws TempSpaceExhausted when they do not fit
         */
        public void take(long bytes) {
            if (!tryTake(this.callerKey, bytes)) {
                throw new TempSpaceExhausted(TempSpace.this.limit);
            }
            this.held += bytes;
        }

        @Override
        public void close() {
            giveBack(this.callerKey, this.held);
            this.held = 0;
        }

    }

}
