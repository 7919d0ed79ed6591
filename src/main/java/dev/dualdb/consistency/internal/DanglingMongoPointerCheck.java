package dev.dualdb.consistency.internal;

import java.util.function.Consumer;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.dualdb.consistency.Findings;
import dev.dualdb.consistency.ReconcilerCheck;

/**
 * MongoDB documents that point at media that does not exist: by design there are none to
 * look for. Products, courses and lessons hold no media ids; media rows point at their
 * owner, and every read starts from the owner and asks PostgreSQL for its media. The
 * check is listed (always zero) so the report says so rather than stays silent.
 */
@Component
@Order(4)
class DanglingMongoPointerCheck implements ReconcilerCheck {

    @Override
    public void run(Findings findings, boolean dryRun, boolean fullAudit, Consumer<String> progress) {
        progress.accept("dangling MongoDB pointers: none possible (documents hold no media ids)");
    }

}
