package dev.tend.platform.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;

import java.util.List;

/**
 * Continues a trace that waited in a row: a planned task firing, a notification being delivered. The work gets a
 * span of its own under the stored context, current for its duration, and its trace id in the logging MDC (a
 * polling loop's thread is no Vert.x context, so Quarkus does not put it there by itself).
 */
@ApplicationScoped
public class Traces {

    /** The MDC keys Quarkus' OpenTelemetry extension fills for request and consumer threads. */
    static final String MDC_TRACE_ID = "traceId";
    static final String MDC_SPAN_ID = "spanId";

    private final Tracer tracer;

    public Traces(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * A span for {@code name} under {@code stored}; a new trace when nothing was stored. {@code related}: other
     * traces the work also belongs to (a print job's other cards), linked. Close it with the work.
     */
    public Resumed resume(String name, TraceContext stored, SpanKind kind, List<TraceContext> related) {
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind);
        stored.asContext().ifPresentOrElse(builder::setParent, builder::setNoParent);
        for (TraceContext other : related) {
            other.asContext().ifPresent(context -> builder.addLink(Span.fromContext(context).getSpanContext()));
        }
        return new Resumed(builder.startSpan());
    }

    public Resumed resume(String name, TraceContext stored, SpanKind kind) {
        return resume(name, stored, kind, List.of());
    }

    /** A span for a step of the current work: a provider call within a delivery. */
    public Resumed child(String name, SpanKind kind) {
        return new Resumed(tracer.spanBuilder(name).setSpanKind(kind).startSpan());
    }

    /** A started span, current (and in the MDC) until closed. */
    public static final class Resumed implements AutoCloseable {

        private final Span span;
        private final Scope scope;
        private final Object previousTraceId;
        private final Object previousSpanId;

        Resumed(Span span) {
            this.span = span;
            this.scope = span.makeCurrent();
            this.previousTraceId = MDC.get(MDC_TRACE_ID);
            this.previousSpanId = MDC.get(MDC_SPAN_ID);
            SpanContext context = span.getSpanContext();
            if (context.isValid()) {
                MDC.put(MDC_TRACE_ID, context.getTraceId());
                MDC.put(MDC_SPAN_ID, context.getSpanId());
            }
        }

        public Span span() {
            return span;
        }

        public Context context() {
            return Context.current().with(span);
        }

        public void failed(Throwable failure) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
        }

        @Override
        public void close() {
            try {
                scope.close();
                span.end();
            } finally {
                restore(MDC_TRACE_ID, previousTraceId);
                restore(MDC_SPAN_ID, previousSpanId);
            }
        }

        private static void restore(String key, Object previous) {
            if (previous == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, previous);
            }
        }
    }
}
