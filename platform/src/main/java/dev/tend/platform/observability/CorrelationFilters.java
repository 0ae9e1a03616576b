package dev.tend.platform.observability;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every HTTP request a correlation id and echoes it in the response. A caller that sends none gets the
 * request's trace id, so the id in a log line, an event and a trace backend is one and the same.
 */
public class CorrelationFilters {

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        Correlation.set(Correlation.acceptOrCreate(request.getHeaderString(Correlation.HEADER),
                Span.current().getSpanContext()));
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        String id = Correlation.current();
        if (id != null) {
            response.getHeaders().putSingle(Correlation.HEADER, id);
        }
    }
}
