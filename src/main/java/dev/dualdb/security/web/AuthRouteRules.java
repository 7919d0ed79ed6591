package dev.dualdb.security.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.dualdb.security.RouteRules;

/** Who may call the issuer's routes: anyone, except changing a password. */
@Component
class AuthRouteRules implements RouteRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.POST, "/api/auth/login", "/api/auth/refresh", "/api/auth/logout").permitAll();
        routes.requestMatchers(HttpMethod.PUT, "/api/auth/password").authenticated();
        routes.requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll();
    }

}
