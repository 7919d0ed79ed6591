package dev.dualdb.consistency.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.dualdb.security.Caller;
import dev.dualdb.security.RouteRules;

/** The reconciler's routes are for admins only. */
@Component
class AdminRouteRules implements RouteRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers("/api/admin/reconciliation").hasRole(Caller.ADMIN);
    }

}
