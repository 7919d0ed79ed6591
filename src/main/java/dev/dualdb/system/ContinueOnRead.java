package dev.dualdb.system;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers {@code Expect: 100-continue} by default as soon as it has read the
 * request headers, before any filter or route has looked at them: a client declaring 6
 * GiB is invited to send them. Here the {@code 100 Continue} goes out only when the
 * application first reads the body, so an upload route that refuses the request from its
 * headers (a declared length over its limit, an unreadable digest, an unknown owner)
 * answers with its final status and the body is never sent.
 */
@Component
class ContinueOnRead implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers((connector) -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setContinueResponseTiming("onRead");
            }
        });
    }

}
