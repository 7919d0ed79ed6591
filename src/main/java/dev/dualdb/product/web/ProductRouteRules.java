package dev.dualdb.product.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.dualdb.security.Caller;
import dev.dualdb.security.RouteRules;

/** Who may call the product routes: anyone reads the catalog, admins change it. */
@Component
class ProductRouteRules implements RouteRules {

    private static final String PRODUCT = "/api/products/{id}";

    private static final String IMAGE = PRODUCT + "/images/{imageId}";

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.GET, "/api/products", PRODUCT).permitAll();
        routes.requestMatchers(HttpMethod.POST, "/api/products", PRODUCT + "/images").hasRole(Caller.ADMIN);
        routes.requestMatchers(HttpMethod.PATCH, PRODUCT, IMAGE).hasRole(Caller.ADMIN);
        routes.requestMatchers(HttpMethod.DELETE, PRODUCT, IMAGE).hasRole(Caller.ADMIN);
    }

}
