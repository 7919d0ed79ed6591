package dev.dualdb.security.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.dualdb.security.Caller;
import dev.dualdb.security.RouteRules;

/** The audit trail is for admins only. */
@Component
class AuditRouteRules implements RouteRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.GET, "/api/admin/audit").hasRole(Caller.ADMIN);
    }

}
