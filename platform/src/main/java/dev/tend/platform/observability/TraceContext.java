package dev.tend.platform.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) of some work, kept as text so it can wait in a
 * row (an outbox message, a planned task, a notification) and be continued when that row is acted on, long after
 * the request or event that caused it. Always W3C, whatever propagators are configured: the stored form must not
 * change under the rows already written.
 *
 * @param traceparent null when the work was not traced
 */
public record TraceContext(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    public static final TraceContext NONE = new TraceContext(null, null);

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The context of the current span, or {@link #NONE} outside traced work. */
    public static TraceContext current() {
        return of(Context.current());
    }

    public static TraceContext of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return NONE;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return new TraceContext(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    public boolean isPresent() {
        return traceparent != null;
    }

    /** The trace this context belongs to, or null. */
    public String traceId() {
        return asContext().map(c -> Span.fromContext(c).getSpanContext())
                .filter(SpanContext::isValid).map(SpanContext::getTraceId).orElse(null);
    }

    /** The stored context as a parent to continue from; empty when nothing (or nothing readable) was stored. */
    public Optional<Context> asContext() {
        if (traceparent == null) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>(2);
        carrier.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            carrier.put(TRACESTATE, tracestate);
        }
        Context context = W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, MAP_GETTER);
        return Span.fromContext(context).getSpanContext().isValid() ? Optional.of(context)
                : Optional.empty();
    }
}
