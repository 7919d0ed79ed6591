package dev.dualdb.consistency.faults;

import dev.dualdb.system.Step;

/**
 * The failure a {@link FaultInjector} throws at a step boundary: stands for anything that
 * can go wrong there.
 */
public class InjectedFault extends RuntimeException {

    public InjectedFault(Step boundary) {
        super("Fault injected at " + boundary);
    }

}
