package dev.tend.platform.security.headers;

import dev.tend.platform.security.SecurityConfig;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.List;

/**
 * The headers every response carries, the same in every service and the console, pages, JSON, fragments and static
 * files alike: a strict Content-Security-Policy (no inline script, style or event handler), no framing, no sniffing
 * of content types, no referrer to other sites, and HSTS when the request came over TLS. HTML pages (they hold a
 * person's details) are not kept in the browser's cache.
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
        headers.set("Content-Security-Policy", policy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", referrerPolicy);
        String type = headers.get("Content-Type");
        if (type != null && type.startsWith("text/html")) {
            headers.set("Cache-Control", "no-store");
        }
        if (context.request().isSSL()) {
            headers.set("Strict-Transport-Security", strictTransportSecurity);
        }
    }

    /** A URL's origin (a path in a CSP source would allow that one path only); anything else as it is. */
    private static String origin(String source) {
        try {
            URI uri = URI.create(source);
            return uri.getScheme() != null && uri.getAuthority() != null ? uri.getScheme() + "://" + uri.getAuthority() : source;
        } catch (IllegalArgumentException e) {
            return source;
        }
    }

    static String withImageSources(String policy, List<String> sources) {
        if (sources.isEmpty()) {
            return policy;
        }
        String extra = " " + String.join(" ", sources.stream().map(SecurityHeaders::origin).toList());
        if (policy.contains("img-src")) {
            return policy.replaceFirst("img-src([^;]*)", "img-src$1" + extra.replace("$", "\\$"));
        }
        return policy + "; img-src 'self'" + extra;
    }
}
