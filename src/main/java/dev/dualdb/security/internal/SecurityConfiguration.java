package dev.dualdb.security.internal;

import java.util.List;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import dev.dualdb.security.AccountStore;
import dev.dualdb.security.Caller;
import dev.dualdb.security.IssuerMode;
import dev.dualdb.security.RouteRules;
import dev.dualdb.system.Problems;
import dev.dualdb.system.TomcatProblemReports;

/**
 * The one filter chain: stateless, bearer tokens only (no session, no cookie, so no CSRF
 * to guard against), the routes of every module as its {@link RouteRules} declare them,
 * and anything undeclared for admins only. Tokens come from the built-in issuer unless
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}
 * names an external one.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    private static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

    // Not in the commands (create-admin, reconcile), which start without a web server and
    // so without HttpSecurity; they need the password encoder and the stores only.
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain apiSecurity(HttpSecurity http, List<RouteRules> rules, JwtDecoder decoder,
            AccountStore accounts, SecurityProperties properties, IssuerMode issuer, AbuseLimits limits,
            AuditTrail audit) throws Exception {
        ProblemAuthenticationEntryPoint unauthenticated = new ProblemAuthenticationEntryPoint();
        ProblemAccessDeniedHandler denied = new ProblemAccessDeniedHandler();
        TokenCallers callers = new TokenCallers(accounts, issuer.isExternal(), properties.rolesClaim());
        // CORS from dualdb.cors.* (the system module's corsConfigurationSource and
        // corsFilter): preflights are answered before any rule. The browser headers come
        // from the system module's BrowserHeadersFilter; X-Frame-Options would also stop
        // PDFs showing in frames, and frame-ancestors 'none' already covers the API.
        http.cors(Customizer.withDefaults())
            .headers((headers) -> headers.frameOptions((frames) -> frames.disable()))
            .csrf(AbstractHttpConfigurer::disable)
            .sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .httpBasic(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .oauth2ResourceServer(
                    (server) -> server.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(callers))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
            .exceptionHandling(
                    (exceptions) -> exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
            .authorizeHttpRequests((routes) -> {
                routes.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                routes.requestMatchers("/error").permitAll();
                routes.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll();
                routes.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                    .permitAll();
                rules.forEach((rule) -> rule.declare(routes));
                routes.anyRequest().hasRole(Caller.ADMIN);
            })
            // The audit wraps everything after the token is read, so it sees refusals
            // too;
            // the limits come after authorization, before any body is read.
            .addFilterAfter(new AuditFilter(audit), BearerTokenAuthenticationFilter.class)
            .addFilterAfter(new AbuseLimitFilter(limits), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * A request Spring Security's firewall refuses before any rule (an unknown method
     * such as {@code FOO} or {@code TRACE}, an encoded slash or a semicolon in the path)
     * is a {@code 400 malformed-request} problem, as Tomcat's own refusals are.
     * @return the handler
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            request.setAttribute(TomcatProblemReports.DROP_BODY, Boolean.TRUE);
            Problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "malformed-request",
                    "The request was refused before it reached a route: " + rejected.getMessage()));
        };
    }

    /**
     * No Micrometer observation around each security filter, authentication and
     * authorization: they wrapped every one of the chain's filters on every request (a
     * tenth of the CPU of a small media download). Requests are still observed as a whole
     * ({@code http.server.requests}), and refusals are counted and audited by dualdb.
     * @return the settings
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SigningKeys signingKeys(SecurityProperties properties) {
        return SigningKeys.load(properties.keyDirectory(), properties.keyRotation(),
                properties.accessTokenLifetime().multipliedBy(2));
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(keys.source());
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, SecurityProperties properties, Environment environment) {
        return new CachingJwtDecoder(verifyingDecoder(keys, properties, environment));
    }

    private static JwtDecoder verifyingDecoder(SigningKeys keys, SecurityProperties properties,
            Environment environment) {
        String issuerUri = environment.getProperty(ISSUER_URI);
        String jwkSetUri = environment.getProperty(JWK_SET_URI);
        NimbusJwtDecoder decoder;
        if (jwkSetUri != null && !jwkSetUri.isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
            decoder.setJwtValidator((issuerUri != null && !issuerUri.isBlank())
                    ? JwtValidators.createDefaultWithIssuer(issuerUri) : JwtValidators.createDefault());
        }
        else if (issuerUri != null && !issuerUri.isBlank()) {
            decoder = NimbusJwtDecoder.withIssuerLocation(issuerUri).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuerUri));
        }
        else {
            decoder = NimbusJwtDecoder.withJwkSource(keys.source()).jwsAlgorithm(SignatureAlgorithm.RS256).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                    new JwtIssuerValidator(properties.issuer())));
        }
        return decoder;
    }

}
