package dev.dualdb.consistency;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar dualdb.jar reconcile [--dry-run] [--full-audit] [--setting=value …]}:
 * runs the reconciler once against the configured stores, printing progress and then the
 * report as JSON. Exit code 0 after a run, 2 if another instance holds the reconciler's
 * lock, 1 on failure.
 */
public final class ReconcileCommand {

    private ReconcileCommand() {
    }

    public static int run(Class<?> application, String[] args) {
        List<String> arguments = Arrays.asList(args);
        boolean dryRun = arguments.contains("--dry-run");
        boolean fullAudit = arguments.contains("--full-audit");
        String[] settings = arguments.stream()
            .filter((argument) -> argument.startsWith("--") && argument.contains("="))
            .toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
            .web(WebApplicationType.NONE)
            .properties("dualdb.reconciler.scheduled=false", "spring.main.banner-mode=off", "logging.level.root=WARN",
                    "logging.level.de.bwaldvogel=ERROR")
            .run(settings)) {
            System.out
                .println("Reconciling" + (dryRun ? " (dry run)" : "") + (fullAudit ? " with a full audit" : "") + " …");
            Optional<ReconciliationReport> report = context.getBean(Reconciler.class)
                .reconcile(dryRun, fullAudit, (line) -> System.out.println("  " + line));
            if (report.isEmpty()) {
                System.out.println("Another instance is running the reconciler; nothing done.");
                return 2;
            }
            JsonMapper json = context.getBean(JsonMapper.class)
                .rebuild()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
            System.out.println(json.writeValueAsString(report.get()));
            return 0;
        }
        catch (RuntimeException ex) {
            System.err.println("Reconciliation failed: " + ex.getMessage());
            return 1;
        }
    }

}
