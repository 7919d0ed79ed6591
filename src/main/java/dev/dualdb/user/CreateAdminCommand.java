package dev.dualdb.user;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.dualdb.system.DomainException;

/**
 * {@code java -jar dualdb.jar create-admin --email you@example.com [--name "Your Name"]}:
 * creates the first admin against the configured stores and exits. The password is read
 * from the environment variable {@code DUALDB_ADMIN_PASSWORD} or, without it, from the
 * first line of standard input; there is no default password. Exit code 0 when created, 1
 * on failure (such as an email that is taken or a password shorter than 10 characters).
 */
public final class CreateAdminCommand {

    /** Where the password is read from before standard input. */
    public static final String PASSWORD_VARIABLE = "DUALDB_ADMIN_PASSWORD";

    private CreateAdminCommand() {
    }

    public static int run(Class<?> application, String[] args) {
        List<String> arguments = List.of(args);
        String email = option(arguments, "--email");
        String name = option(arguments, "--name");
        if (email == null || email.isBlank()) {
            System.err.println("Usage: create-admin --email you@example.com [--name \"Your Name\"]"
                    + " (password from $" + PASSWORD_VARIABLE + " or the first line of standard input)");
            return 1;
        }
        String password = System.getenv(PASSWORD_VARIABLE);
        if (password == null) {
            password = firstLineOfInput();
        }
        if (password == null || password.length() < 10 || password.length() > 64) {
            System.err.println("The password must have 10 to 64 characters.");
            return 1;
        }
        String[] settings = arguments.stream()
            .filter((argument) -> argument.startsWith("--") && argument.contains("=")
                    && !argument.startsWith("--email=") && !argument.startsWith("--name="))
            .toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
            .web(WebApplicationType.NONE)
            .properties("dualdb.reconciler.scheduled=false", "spring.main.banner-mode=off", "logging.level.root=WARN",
                    "logging.level.de.bwaldvogel=ERROR")
            .run(settings)) {
            User admin = context.getBean(UserService.class)
                .create(email, (name != null) ? name : "Admin", EnumSet.of(Role.ADMIN), password);
            System.out.println("Created admin " + admin.email() + " (id " + admin.id() + ")");
            return 0;
        }
        catch (DomainException ex) {
            System.err.println("Not created: " + ex.getMessage());
            return 1;
        }
        catch (RuntimeException ex) {
            System.err.println("Not created: " + ex.getMessage());
            return 1;
        }
    }

    private static String option(List<String> arguments, String name) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.startsWith(name + "=")) {
                return argument.substring(name.length() + 1);
            }
            if (argument.equals(name) && i + 1 < arguments.size()) {
                return arguments.get(i + 1);
            }
        }
        return null;
    }

    private static String firstLineOfInput() {
        try {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        catch (IOException ex) {
            return null;
        }
    }

}
