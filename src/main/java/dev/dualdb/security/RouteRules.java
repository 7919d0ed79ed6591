package dev.dualdb.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The access rules of one module's routes, declared beside those routes (one bean per
 * module) and applied by the one filter chain. A route no module declares is refused.
 * Rules that depend on the thing a route names (owner, enrolment) are checked by the
 * module's own access policy, which answers {@code 404} for what the caller may not see.
 */
public interface RouteRules {

    /**
     * Declares the module's routes with who may call them.
     * @param routes the registry of the filter chain being built
     */
    void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes);

}
