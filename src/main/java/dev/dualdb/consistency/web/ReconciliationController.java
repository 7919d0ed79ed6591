package dev.dualdb.consistency.web;

import dev.dualdb.consistency.internal.NoReconciliationReport;
import dev.dualdb.consistency.internal.ReconciliationAlreadyRunning;
import dev.dualdb.consistency.ReconciliationReport;
import dev.dualdb.consistency.Reconciler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs the reconciler on demand and shows its last report. (Security will restrict these
 * to administrators.)
 */
@RestController
@RequestMapping("/api/admin/reconciliation")
class ReconciliationController {

    private final Reconciler reconciler;

    ReconciliationController(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    /**
     * Runs now and answers with the report; {@code fullAudit} re-hashes every blob
     * instead of a sample.
     */
    @PostMapping
    ReconciliationReport run(@RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean fullAudit) {
        return reconciler.reconcile(dryRun, fullAudit, line -> {
        }).orElseThrow(ReconciliationAlreadyRunning::new);
    }

    @GetMapping
    ReconciliationReport latest() {
        return reconciler.latestReport().orElseThrow(NoReconciliationReport::new);
    }

}
