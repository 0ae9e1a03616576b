package dev.tend.platform.observability;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Gives every HTTP request a correlation id and echoes it in the response. */
public class CorrelationFilters {

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        Correlation.set(Correlation.acceptOrCreate(request.getHeaderString(Correlation.HEADER)));
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        String id = Correlation.current();
        if (id != null) {
            response.getHeaders().putSingle(Correlation.HEADER, id);
        }
    }
}
