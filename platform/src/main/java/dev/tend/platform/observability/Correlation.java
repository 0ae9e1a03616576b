package dev.tend.platform.observability;

import io.opentelemetry.api.trace.SpanContext;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of the work in progress: taken from an incoming request's {@code X-Correlation-Id}
 * (or made up), from a consumed event's envelope, and carried into every event published meanwhile, so
 * one visit can be followed through all three services' logs, tasks and notifications. Kept in the
 * logging MDC, so every log line of that work shows it. Where no id is given it is the trace id: an alias of the
 * OpenTelemetry trace ({@code traceId} in the MDC), kept because events, tasks and notifications carry it.
 */
public final class Correlation {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private Correlation() {
    }

    /** The current id, or null outside correlated work. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    public static void set(String id) {
        MDC.put(MDC_KEY, id);
    }

    public static void clear() {
        MDC.remove(MDC_KEY);
    }

    /**
     * A caller's id when it is a sane token (a header is never trusted to be); otherwise the trace's id, or a new
     * one outside a trace.
     */
    static String acceptOrCreate(String candidate, SpanContext trace) {
        if (candidate != null && ACCEPTABLE.matcher(candidate).matches()) {
            return candidate;
        }
        return trace.isValid() ? trace.getTraceId() : UUID.randomUUID().toString();
    }
}
