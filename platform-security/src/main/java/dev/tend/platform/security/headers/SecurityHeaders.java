package dev.tend.platform.security.headers;

import dev.tend.platform.security.SecurityConfig;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * The headers every response carries, the same in every service and the console. Every response: no sniffing of
 * content types. HTML pages (the console, unsubscribe and rating pages, error pages): a strict Content-Security-Policy
 * (no inline script, style or event handler), no framing, no referrer to other sites, not kept in the browser's
 * cache (they hold a person's details), and HSTS when the request came over TLS.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final String policy;
    private final String referrerPolicy;
    private final String strictTransportSecurity;

    public SecurityHeaders(SecurityConfig config) {
        SecurityConfig.Headers headers = config.headers();
        this.policy = withImageSources(headers.contentSecurityPolicy(), headers.imageSources().orElse(List.of()));
        this.referrerPolicy = headers.referrerPolicy();
        this.strictTransportSecurity = "max-age=" + headers.strictTransportSecurityMaxAge().toSeconds() + "; includeSubDomains";
    }

    /** The Content-Security-Policy of pages. */
    public String policy() {
        return policy;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(ignored -> headers(context));
            context.next();
        });
    }

    private void headers(RoutingContext context) {
        MultiMap headers = context.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        String type = headers.get("Content-Type");
        if (type != null && type.startsWith("text/html")) {
            headers.set("Content-Security-Policy", policy);
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", referrerPolicy);
            headers.set("Cache-Control", "no-store");
        }
        if (context.request().isSSL()) {
            headers.set("Strict-Transport-Security", strictTransportSecurity);
        }
    }

    static String withImageSources(String policy, List<String> sources) {
        if (sources.isEmpty()) {
            return policy;
        }
        String extra = " " + String.join(" ", sources);
        if (policy.contains("img-src")) {
            return policy.replaceFirst("img-src([^;]*)", "img-src$1" + extra.replace("$", "\\$"));
        }
        return policy + "; img-src 'self'" + extra;
    }
}
