package dev.dualdb.security.internal;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import dev.dualdb.security.AccountStore;
import dev.dualdb.security.Caller;

/**
 * Turns a valid token into the caller: for the built-in issuer the subject is the user id
 * and the roles are in {@code roles}; for an external issuer the subject is matched to a
 * local user (provisioned on first sight) and the roles are read from the configured
 * claim.
 */
class TokenCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Set<String> KNOWN_ROLES = Set.of(Caller.STUDENT, Caller.INSTRUCTOR, Caller.ADMIN);

    private final AccountStore accounts;

    private final boolean external;

    private final String rolesClaim;

    TokenCallers(AccountStore accounts, boolean external, String rolesClaim) {
        this.accounts = accounts;
        this.external = external;
        this.rolesClaim = rolesClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        Set<String> roles = roles(this.external ? claim(token.getClaims(), this.rolesClaim) : token.getClaim("roles"));
        String userId = this.external ? this.accounts.provision(String.valueOf(token.getIssuer()), token.getSubject(),
                token.getClaimAsString("email"), token.getClaimAsString("name"), roles) : token.getSubject();
        Caller caller = new Caller(userId, roles);
        return new CallerAuthentication(caller, token,
                roles.stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            value = (value instanceof Map<?, ?> map) ? map.get(part) : null;
        }
        return value;
    }

    private static Set<String> roles(Object value) {
        Collection<?> listed = (value instanceof Collection<?> collection) ? collection
                : (value instanceof String text) ? List.of(text.split("[ ,]+")) : List.of();
        Set<String> roles = listed.stream()
            .map((role) -> String.valueOf(role).toUpperCase(Locale.ROOT))
            .filter(KNOWN_ROLES::contains)
            .collect(Collectors.toSet());
        return roles.isEmpty() ? Set.of(Caller.STUDENT) : roles;
    }

}
