package dev.tend.platform.audit;

import dev.tend.platform.rest.Page;
import dev.tend.platform.rest.ProblemException;
import dev.tend.platform.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** The service's audit trail: every service answers {@code GET /audit} the same way. */
@Path("/audit")
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
public class AuditResource {

    private final AuditLog log;

    public AuditResource(AuditLog log) {
        this.log = log;
    }

    /**
     * Entries newest first, paged: by household ({@code customerId}), by person ({@code actor}, a token subject) and
     * by time ({@code from} inclusive, {@code to} exclusive, ISO-8601 with offset). Admins read everything; staff
     * read one household's entries, so {@code customerId} is required for them.
     */
    @GET
    public Page<AuditEntryView> entries(@RestQuery String customerId, @RestQuery String actor,
                                        @RestQuery String from, @RestQuery String to,
                                        @RestQuery String page, @RestQuery String size,
                                        @Context SecurityContext security) {
        UUID household = customerId == null ? null : uuid(customerId);
        if (household == null && !security.isUserInRole(Roles.ADMIN)) {
            throw new ProblemException(403, "Forbidden", "staff read the audit of one household: give customerId",
                    "customerId");
        }
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        if (since != null && until != null && !since.isBefore(until)) {
            throw ProblemException.invalid("to", "to must be after from");
        }
        if (actor != null && (actor.isBlank() || actor.length() > 200)) {
            throw ProblemException.invalid("actor", "actor is a token subject of 1 to 200 characters");
        }
        return log.find(new AuditQuery(household, actor, since, until),
                number("page", page, 0, 0, Integer.MAX_VALUE), number("size", size, 50, 1, 200));
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("customerId", "customerId is a UUID");
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, field + " is an ISO-8601 time with offset, such as 2026-11-27T09:00:00Z");
        }
    }

    private static int number(String field, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Not a number is as wrong as a number out of range, and gets the same answer.
        }
        throw ProblemException.invalid(field, field + " must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max));
    }
}
