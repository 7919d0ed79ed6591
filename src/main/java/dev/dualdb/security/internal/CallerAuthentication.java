package dev.dualdb.security.internal;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import dev.dualdb.security.Caller;

/** A request authenticated by a valid token: the caller is its principal. */
class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    private final transient Jwt token;

    CallerAuthentication(Caller caller, Jwt token, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Caller getPrincipal() {
        return this.caller;
    }

    @Override
    public Jwt getCredentials() {
        return this.token;
    }

    @Override
    public String getName() {
        return this.caller.userId();
    }

}
