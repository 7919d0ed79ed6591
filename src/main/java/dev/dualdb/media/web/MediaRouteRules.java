package dev.dualdb.media.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.dualdb.security.RouteRules;

/**
 * Who may call the media routes. Bytes are fetched by anyone at the route level: the
 * delivery decides per media whether it is public or needs a token or a signed URL. The
 * generic media API is read by anyone and changed by callers with a token; who may see or
 * change the media of one owner is decided per owner ({@code OwnerMediaAccess}), since
 * the owner is named in the body or found from the media id.
 */
@Component
class MediaRouteRules implements RouteRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.GET, "/media/{id}", "/media/{id}/renditions/{width}").permitAll();
        routes.requestMatchers(HttpMethod.HEAD, "/media/{id}", "/media/{id}/renditions/{width}").permitAll();
        routes.requestMatchers(HttpMethod.GET, "/api/media", "/api/media/{id}").permitAll();
        routes.requestMatchers(HttpMethod.POST, "/api/media", "/api/media/{id}/accesses").authenticated();
        routes.requestMatchers(HttpMethod.DELETE, "/api/media/{id}").authenticated();
    }

}
