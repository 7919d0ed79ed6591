package dev.dualdb;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module; this fails when one reaches into another's
 * internals or they form a cycle.
 */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(DualdbApplication.class).verify();
    }

}
