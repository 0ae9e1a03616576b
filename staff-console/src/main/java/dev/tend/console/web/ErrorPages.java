package dev.tend.console.web;

import dev.tend.console.clients.ServiceProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error a person can meet is a page in words: a service's problem, a missing page, a refusal, a crash. */
@ApplicationScoped
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    public Response page(Response.Status status, String title, String message) {
        return page(status.getStatusCode(), title, message);
    }

    public Response page(int status, String title, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Pages.error(title, message, status).render()).build();
    }

    @ServerExceptionMapper
    public Response serviceProblem(ServiceProblem problem) {
        int status = problem.status() == 401 || problem.status() >= 500 ? 502 : problem.status();
        return page(status, "Something went wrong", problem.getMessage());
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("A service did not answer: %s", e.getMessage());
        return page(503, "A service is not answering", "Tend could not reach one of its services. Try again in a minute.");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return page(404, "Page not found", "There is no page at this address.");
        }
        if (status == 405) {
            return page(405, "Not allowed", "This address does not take that kind of request.");
        }
        return page(status, "The request could not be handled", "Check what you entered and try again.");
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected error", e);
        return page(500, "Something went wrong", "Tend hit an unexpected problem. Try again; if it keeps happening, tell your admin.");
    }
}
