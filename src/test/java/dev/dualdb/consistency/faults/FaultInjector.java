package dev.dualdb.consistency.faults;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;

import dev.dualdb.system.Step;
import dev.dualdb.system.Steps;

/**
 * The tests' half of the {@link Steps} seam. Armed with a boundary name, it throws an
 * {@link InjectedFault}, or runs an action such as stopping PostgreSQL, the next time any
 * operation reaches that boundary: once, then it is disarmed again. It remembers every
 * boundary reached, so a test can prove that its fault really happened where it meant.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FaultInjector implements Steps.StepListener {

    private final AtomicReference<Fault> armed = new AtomicReference<>();

    private final Queue<Step> reached = new ConcurrentLinkedQueue<>();

    private volatile Step fired;

    /**
     * The next operation to reach {@code boundary} fails there with an
     * {@link InjectedFault}.
     */
    public void throwAt(Step boundary) {
        runAt(boundary, () -> {
            throw new InjectedFault(boundary);
        });
    }

    /**
     * The next operation to reach {@code boundary} runs {@code action} there (in its own
     * thread), then goes on.
     */
    public void runAt(Step boundary, Runnable action) {
        this.fired = null;
        this.armed.set(new Fault(boundary, action));
    }

    @Override
    public void reached(Step boundary) {
        this.reached.add(boundary);
        Fault fault = this.armed.get();
        // Only one operation gets the fault, even when several reach the boundary at
        // once.
        if (fault != null && fault.boundary().equals(boundary) && this.armed.compareAndSet(fault, null)) {
            this.fired = boundary;
            fault.action().run();
        }
    }

    /**
     * The boundary at which the armed fault went off, or {@code null} if it has not
     * (yet).
     */
    public Step fired() {
        return this.fired;
    }

    /** Every boundary reached since the last {@link #disarm()}, in order. */
    public List<Step> reached() {
        return List.copyOf(this.reached);
    }

    /** Forgets any fault not yet fired and the boundaries reached. */
    public void disarm() {
        this.armed.set(null);
        this.fired = null;
        this.reached.clear();
    }

    private record Fault(Step boundary, Runnable action) {
    }

}
