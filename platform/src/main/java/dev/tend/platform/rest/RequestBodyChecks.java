package dev.tend.platform.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tend.contracts.Events;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Refuses, as problem+json and before a byte of the body is read, a body this service will not read:
 * <ul>
 *   <li>larger than {@code quarkus.http.limits.max-body-size} (413): Quarkus' own check, one route later, answers
 *       an empty 413 that no client can read a reason from;</li>
 *   <li>without a Content-Type (415): an operation that declares JSON would otherwise read any body as JSON,
 *       while one that declares nothing refuses it, so the same request would fare differently.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestBodyChecks {

    static final int ROUTE_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    private final Optional<MemorySize> limit;

    public RequestBodyChecks(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.limit = limit;
    }

    void install(@Observes Router router) {
        long max = limit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        router.route().order(ROUTE_ORDER).handler(context -> check(context, max));
    }

    static void check(RoutingContext context, long max) {
        long declared = declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        boolean chunked = context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (declared > max) {
            refuse(context, 413, "Content too large", "The body is larger than the " + max + " bytes this operation accepts");
        } else if ((declared > 0 || chunked) && context.request().getHeader(HttpHeaders.CONTENT_TYPE) == null) {
            refuse(context, 415, "Unsupported media type", "A body needs a Content-Type, such as application/json");
        } else {
            context.next();
        }
    }

    private static void refuse(RoutingContext context, int status, String title, String detail) {
        Problem problem = new Problem("about:blank", title, status, detail, context.request().path(), "body", List.of());
        // The body is never read, so the connection cannot carry another request.
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(json(problem));
    }

    private static long declaredLength(String declared) {
        try {
            return declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String json(Problem problem) {
        try {
            return Events.mapper().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
