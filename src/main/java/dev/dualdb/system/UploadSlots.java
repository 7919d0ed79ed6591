package dev.dualdb.system;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * How many uploads are being read at once, overall and per caller: a slot is taken before
 * the first byte of a multipart body is read and given back when the request ends. A
 * request that finds no slot is refused at once rather than queued, since a queued
 * request would still hold a thread.
 */
@Component
public class UploadSlots {

    private final Semaphore overall;

    private final int perCaller;

    private final ConcurrentMap<String, AtomicInteger> callers = new ConcurrentHashMap<>();

    UploadSlots(SlowClientProperties properties) {
        this.overall = new Semaphore(properties.maxConcurrentUploads());
        this.perCaller = properties.maxConcurrentUploadsPerCaller();
    }

    /**
     * Takes a slot for one upload of {@code caller}, if one is free.
     * @param caller who sends the upload: an account id once requests carry one, their
     * network address until then
     * @return the slot, to close when the upload has been read; empty when the caller or
     * the instance has as many uploads running as allowed
     */
    public Optional<Slot> tryAcquire(String caller) {
        if (this.perCaller > 0) {
            AtomicInteger running = this.callers.computeIfAbsent(caller, (key) -> new AtomicInteger());
            if (running.incrementAndGet() > this.perCaller) {
                release(caller);
                return Optional.empty();
            }
        }
        if (!this.overall.tryAcquire()) {
            if (this.perCaller > 0) {
                release(caller);
            }
            return Optional.empty();
        }
        return Optional.of(new Slot(this, caller));
    }

    private void release(String caller) {
        this.callers.computeIfPresent(caller, (key, running) -> (running.decrementAndGet() <= 0) ? null : running);
    }

    /** One upload's slot; closing it (once) frees it. */
    public static final class Slot implements AutoCloseable {

        private final UploadSlots slots;

        private final String caller;

        private boolean closed;

        private Slot(UploadSlots slots, String caller) {
            this.slots = slots;
            this.caller = caller;
        }

        @Override
        public synchronized void close() {
            if (this.closed) {
                return;
            }
            this.closed = true;
            this.slots.overall.release();
            if (this.slots.perCaller > 0) {
                this.slots.release(this.caller);
            }
        }

    }

}
