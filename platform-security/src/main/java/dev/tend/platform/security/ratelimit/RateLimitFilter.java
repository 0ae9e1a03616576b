package dev.tend.platform.security.ratelimit;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;

/**
 * Asks {@link RateLimits} before any limited path is served, and answers a refusal with 429 and
 * {@code Retry-After}: problem+json for programs, a short page for browsers (a request that accepts HTML). Behind a
 * proxy, set {@code quarkus.http.proxy.proxy-address-forwarding} so the client's own address is the one limited.
 */
@ApplicationScoped
public class RateLimitFilter {

    private final RateLimits limits;

    public RateLimitFilter(RateLimits limits) {
        this.limits = limits;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        String path = context.normalizedPath();
        String method = context.request().method().name();
        if (!limits.limits(method, path)) {
            context.next();
            return;
        }
        String address = address(context);
        RateLimits.Decision decision = limits.decide(address, method, path);
        if (!decision.allowed()) {
            refuse(context, decision);
            return;
        }
        if (limits.isSigned(method, path)) {
            context.addHeadersEndHandler(ignored -> {
                int status = context.response().getStatusCode();
                if (status == 401 || status == 403) {
                    limits.rejectedSignature(address);
                }
            });
        }
        context.next();
    }

    private static String address(RoutingContext context) {
        SocketAddress remote = context.request().remoteAddress();
        return remote == null || remote.host() == null ? "unknown" : remote.host();
    }

    private static void refuse(RoutingContext context, RateLimits.Decision decision) {
        long seconds = Math.max(1, seconds(decision.retryAfter()));
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        boolean browser = accept != null && accept.contains("text/html");
        String body;
        String type;
        if (browser) {
            type = "text/html;charset=UTF-8";
            body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many requests</title>"
                    + "</head><body><main><h1>Too many requests</h1><p>" + decision.reason() + ". Please try again in "
                    + inWords(seconds) + ".</p></main></body></html>";
        } else {
            type = "application/problem+json";
            body = "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\""
                    + decision.reason() + "; retry after " + seconds + " s\"}";
        }
        context.response().setStatusCode(429)
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .putHeader(HttpHeaders.CONTENT_TYPE, type)
                .end(body);
    }

    private static long seconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }

    private static String inWords(long seconds) {
        long minutes = (seconds + 59) / 60;
        return seconds < 60 ? seconds + (seconds == 1 ? " second" : " seconds")
                : minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
