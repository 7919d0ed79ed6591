package dev.dualdb.blob.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes that uploads in progress hold in temporary files, against one global
 * cap ({@code dualdb.uploads.max-temp-size}), so that many large uploads at once cannot
 * fill the disk. Each upload takes bytes through a {@link Lease} as it stages them and
 * gives them all back when it is done, whatever the outcome.
 *
 * <p>
 * Every call names the caller (the user or, before identity, the client address):
 * {@link #tryTake} is where a per-caller cap goes once callers are known.
 */
public final class TempSpace {

    private final long limit;

    private final AtomicLong used = new AtomicLong();

    /**
     * A cap of {@code limit} bytes.
     * @param limit the most bytes all uploads together may hold in temporary files
     */
    public TempSpace(long limit) {
        this.limit = limit;
    }

    /**
     * Whether {@code bytes} more would fit, without taking them: for a request that
     * declares its length, refused before any byte is read.
     * @param callerKey who is uploading
     * @param bytes the bytes the request declares
     * @return whether they fit now
     */
    public boolean hasRoomFor(String callerKey, long bytes) {
        return bytes <= this.limit - this.used.get();
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
     * Takes {@code bytes} for {@code callerKey} if they fit under the cap. Global today;
     * the place for a per-caller cap.
     * @param callerKey who is uploading
     * @param bytes the bytes to take
     * @return whether they were taken
     */
    boolean tryTake(String callerKey, long bytes) {
        long after = this.used.addAndGet(bytes);
        if (after > this.limit) {
            this.used.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    void giveBack(String callerKey, long bytes) {
        this.used.addAndGet(-bytes);
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
