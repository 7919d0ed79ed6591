package dev.dualdb.system;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html})
 * is the contract of the HTTP API, checked by every HTTP test. This class gives its
 * header (info, servers, security, tags); the controllers annotate what is particular to
 * each operation; a few customizers add what many share: the problem responses
 * ({@link ProblemResponses}), HEAD operations ({@link HeadOperations}), health
 * ({@link HealthDocumentation}), what schemas guarantee ({@link StrictSchemas}), the
 * shape of ObjectId parameters ({@link IdParameters}) and the constraints springdoc
 * leaves out ({@link ValidationConstraints}). It is OpenAPI 3.0
 * ({@code springdoc.api-docs.version}), which the contract tests' validator reads.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    /** A MongoDB id as it appears in paths, queries and bodies. */
    static final String OBJECT_ID_PATTERN = "^[0-9a-fA-F]{24}$";

    @Bean
    OpenAPI dualdbOpenApi() {
        return new OpenAPI()
            .info(new Info().title("dualdb")
                .version("0.1.0")
                .description("Products, courses, users and enrolments in MongoDB; media metadata in PostgreSQL; "
                        + "media bytes in a blob store. Every error is an RFC 9457 problem "
                        + "(`application/problem+json`) with a stable `code`; validation problems list the bad "
                        + "fields in `errors`. Request bodies are strict: an unknown property is refused "
                        + "(`unknown-property`), and a number or boolean where a string is expected (or the reverse) "
                        + "is `malformed-body`.")
                .license(new License().name("Proprietary"))
                .contact(new Contact().name("dualdb maintainers")))
            .servers(List.of(new Server().url("/").description("This service")))
            // Which operations need a token, and whose, is in the access rules: a token
            // is
            // optional at the document's level (anonymous callers read the catalog).
            .security(List.of())
            .tags(List.of(tag("products", "Products (MongoDB) with their images (PostgreSQL)"),
                    tag("courses", "Courses with their sections, lessons, videos and resources"),
                    tag("curriculum", "Sections and lessons of a course"),
                    tag("course media", "Videos and lesson resources of a course"),
                    tag("users", "Users and their enrolments"), tag("enrollments", "Enrolments in a course"),
                    tag("media", "Any media recorded against a product, course, lesson or user"),
                    tag("media bytes", "The stored bytes of media and the thumbnails of images"),
                    tag("administration", "The reconciler between the stores"),
                    tag("health", "Health of the service and of each store"),
                    tag("auth", "Accounts and tokens: register, log in, refresh, log out, change password")))
            .components(new Components().addSecuritySchemes("bearer",
                    new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An access token from `POST /api/auth/login` (or the external issuer)")));
    }

    @Bean
    @Order(1)
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    IdParameters idParameters() {
        return new IdParameters();
    }

    @Bean
    ValidationConstraints validationConstraints() {
        return new ValidationConstraints();
    }

    @Bean
    @Order(4)
    StrictSchemas strictSchemas() {
        return new StrictSchemas();
    }

    @Bean
    @Order(2)
    HeadOperations headOperations() {
        return new HeadOperations();
    }

    @Bean
    @Order(3)
    HealthDocumentation healthDocumentation() {
        return new HealthDocumentation();
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

}
