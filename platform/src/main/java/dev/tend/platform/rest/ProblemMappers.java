package dev.tend.platform.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.DataException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.CharConversionException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure a Tend API can meet into problem+json. Never echoes an exception's class name or
 * stack trace: callers get the field and the reason, the log gets the rest.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem("about:blank", e.title(), e.status(), e.getMessage(), path(uri), e.field(), List.of()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message()).collect(Collectors.joining("; "));
        return respond(new Problem("about:blank", "Invalid request", 400, detail, path(uri),
                errors.isEmpty() ? null : errors.get(0).field(), errors));
    }

    /** Listed one by one: Quarkus' own mappers for the narrower Jackson types would otherwise win. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : null;
        String detail = field == null
                ? "The body is not valid JSON"
                : "Field '" + field + "' has a value of the wrong type or format";
        return respond(new Problem("about:blank", "Invalid request", 400, detail, path(uri), field, List.of()));
    }

    /** Bytes no JSON parser can decode (NUL bytes read as UTF-32, a truncated multi-byte character). */
    @ServerExceptionMapper
    public Response undecodable(CharConversionException e, UriInfo uri) {
        return respond(new Problem("about:blank", "Invalid request", 400, "The body is not valid UTF-8 JSON", path(uri),
                null, List.of()));
    }

    /**
     * SQLSTATE class 22 (data exception): a value the database refuses, such as text with a NUL character. Only
     * what the caller sent can cause it, so it is the caller's 400, not our 500.
     */
    @ServerExceptionMapper
    public Response unstorable(DataException e, UriInfo uri) {
        LOG.debugf(e, "Refused a value on %s", path(uri));
        return respond(new Problem("about:blank", "Invalid request", 400,
                "A value cannot be stored as given (for example, text containing a NUL character)", path(uri), null, List.of()));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response stale(RuntimeException e, UriInfo uri) {
        return respond(new Problem("about:blank", "Conflict", 409,
                "The resource was changed by someone else; read it again and retry", path(uri), "version", List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        String title = original.getStatusInfo().getReasonPhrase();
        String detail = status == 404 ? "No such resource" : title;
        return respond(new Problem("about:blank", title, status, detail, path(uri), null, List.of()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem("about:blank", "Unauthorized", 401,
                        "A valid bearer token is required", path(uri), "Authorization", List.of())))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem("about:blank", "Forbidden", 403,
                "The token's roles do not allow this operation", path(uri), null, List.of()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e, UriInfo uri) {
        // Flushed at commit, a refused value arrives wrapped in the transaction's own exceptions.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof DataException data) {
                return unstorable(data, uri);
            }
        }
        LOG.errorf(e, "Unexpected failure on %s", path(uri));
        return respond(new Problem("about:blank", "Internal error", 500,
                "The request could not be completed; it has been logged", path(uri), null, List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /**
     * {@code create.body.email} becomes {@code email} and {@code list.size} becomes {@code size}: the
     * caller knows its body and parameters, not our method names.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new java.util.ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            if (node.getKind() == ElementKind.METHOD || (node.getKind() == ElementKind.PARAMETER && !last)) {
                continue;
            }
            // A list element is "<list element>" to the validator; the caller knows it as tags[0].
            boolean named = node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT;
            if (named) {
                name.append(name.isEmpty() ? "" : ".").append(node.getName());
            }
            if (node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
        }
        return name.isEmpty() ? "body" : name.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
