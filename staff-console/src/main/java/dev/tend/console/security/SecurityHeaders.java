package dev.tend.console.security;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import dev.tend.console.config.ConsoleConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * The headers every response carries, pages, fragments and static files alike: a strict Content-Security-Policy
 * (scripts only from the console itself, so no inline script or event handler runs; no inline styles), no framing,
 * no sniffing, no referrer to other sites, and HSTS when the request came over TLS. Pet photos are the one thing
 * loaded from elsewhere: customer-service's public photo URLs.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String policy;

    public SecurityHeaders(ConsoleConfig config,
                           @ConfigProperty(name = "quarkus.rest-client.customer.url") String customerServiceUrl) {
        URI customer = URI.create(config.photoOrigin().orElse(customerServiceUrl));
        String photos = customer.getScheme() + "://" + customer.getAuthority();
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: " + photos
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> headers(context));
            context.next();
        });
    }

    private void headers(RoutingContext context) {
        MultiMap headers = context.response().headers();
        headers.set("Content-Security-Policy", policy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("X-Frame-Options", "DENY");
        if (!context.request().path().startsWith("/_static/")) {
            // Pages hold a person's clients' details: not kept in the browser's cache.
            headers.set("Cache-Control", "no-store");
        }
        if (context.request().isSSL()) {
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
