package dev.dualdb.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title and summary of the OpenAPI document at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui.html}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI dualdbOpenApi() {
        return new OpenAPI().info(new Info().title("dualdb")
            .version("0.1.0")
            .description("Products, courses, users and enrolments in MongoDB; media metadata in PostgreSQL; "
                    + "media bytes in a blob store. Errors are RFC 9457 problem details with a stable `code`."));
    }

}
