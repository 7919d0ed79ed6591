package dev.dualdb.system;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Marks the boundaries between the single-store steps of a multi-store operation (DESIGN
 * §4), named by {@link Step}. In production nothing listens; fault-injection tests
 * register a {@link StepListener} that throws, or stops a store, at a chosen boundary, to
 * prove that a crash there leaves only garbage the reconciler recognises.
 */
@Component
public class Steps {

    private final List<StepListener> listeners;

    Steps(List<StepListener> listeners) {
        this.listeners = listeners;
    }

    /**
     * The operation has just finished the step before {@code boundary}.
     * @param boundary the step boundary just reached
     */
    public void reached(Step boundary) {
        for (StepListener listener : this.listeners) {
            listener.reached(boundary);
        }
    }

    /** Told of every step boundary reached (tests only). */
    public interface StepListener {

        void reached(Step boundary);

    }

}
