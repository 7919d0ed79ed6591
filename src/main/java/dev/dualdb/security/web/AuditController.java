package dev.dualdb.security.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.dualdb.security.internal.AuditPage;
import dev.dualdb.security.internal.AuditTrail;

/** The audit trail, for admins. */
@RestController
@Tag(name = "admin")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @Operation(operationId = "getAuditEvents", summary = "The audit trail, newest first",
            description = "Every write (POST, PUT, PATCH, DELETE) by an admin or an instructor, refused ones "
                    + "included, and every failed login: who, what (method and route), which ids, the status, "
                    + "when and from which address. Events are kept for `dualdb.security.audit.retention` and "
                    + "appear within `dualdb.security.audit.flush-interval`. For admins (see the access rules).")
    @ApiResponse(responseCode = "200", description = "One page of events", useReturnTypeSchema = true)
    @GetMapping(path = "/api/admin/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    AuditPage audit(
            @Parameter(description = "The page, from 0") @RequestParam(
                    defaultValue = "0") @Min(0) @Max(100_000) int page,
            @Parameter(description = "Events per page") @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            @Parameter(description = "Only this user's events") @RequestParam(required = false) @Pattern(
                    regexp = "^[0-9a-f]{24}$") String userId,
            @Parameter(description = "Only events at or after this instant (ISO-8601)") @RequestParam(
                    required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since) {
        return this.trail.page(page, size, userId, since);
    }

}
