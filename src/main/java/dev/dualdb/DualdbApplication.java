package dev.dualdb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.dualdb.consistency.ReconcileCommand;
import dev.dualdb.legacy.ImportCommand;
import dev.dualdb.user.CreateAdminCommand;

/**
 * dualdb: a catalog in MongoDB, media metadata in PostgreSQL, media bytes in a blob
 * store. Started with {@code reconcile} as its first argument, it runs the reconciler
 * once and exits instead of serving; with {@code create-admin} it creates an admin and
 * exits; with {@code import} it imports the media of an existing catalog and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DualdbApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("reconcile")) {
            System.exit(ReconcileCommand.run(DualdbApplication.class, args));
        }
        if (args.length > 0 && args[0].equals("create-admin")) {
            System.exit(CreateAdminCommand.run(DualdbApplication.class, args));
        }
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(DualdbApplication.class, args));
        }
        SpringApplication.run(DualdbApplication.class, args);
    }

}
