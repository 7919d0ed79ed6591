package dev.dualdb.consistency.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.dualdb.consistency.Reconciler;
import dev.dualdb.consistency.ReconciliationReport;
import dev.dualdb.consistency.internal.NoReconciliationReport;
import dev.dualdb.consistency.internal.ReconciliationAlreadyRunning;

/**
 * Runs the reconciler on demand and shows its last report. (Security will restrict these
 * to administrators.)
 */
@RestController
@RequestMapping("/api/admin/reconciliation")
@Tag(name = "administration")
class ReconciliationController {

    private final Reconciler reconciler;

    ReconciliationController(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    /**
     * Runs now and answers with the report; {@code fullAudit} re-hashes every blob
     * instead of a sample.
     * @param dryRun {@code true} to report the drift without repairing it
     * @param fullAudit {@code true} to re-hash every blob
     * @return the report of this run
     */
    @Operation(operationId = "runReconciliation", summary = "Run the reconciler now and get its report",
            description = "Finds and repairs drift between the stores (orphan rows, unreferenced or missing bytes, "
                    + "size or hash mismatches, dangling pointers); `dryRun` only reports, `fullAudit` re-hashes "
                    + "every blob instead of a sample.")
    @ApiResponse(responseCode = "200", description = "The report of this run", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "`reconciliation-running`: a run is already under way")
    @PostMapping
    ReconciliationReport run(@RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean fullAudit) {
        return this.reconciler.reconcile(dryRun, fullAudit, (line) -> {
        }).orElseThrow(ReconciliationAlreadyRunning::new);
    }

    @Operation(operationId = "getReconciliationReport", summary = "Get the report of the last reconciler run")
    @ApiResponse(responseCode = "200", description = "The report of the last run", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "`no-reconciliation-report`: no run has finished yet")
    @GetMapping
    ReconciliationReport latest() {
        return this.reconciler.latestReport().orElseThrow(NoReconciliationReport::new);
    }

}
