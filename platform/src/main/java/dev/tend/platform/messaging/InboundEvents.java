package dev.tend.platform.messaging;

import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.MalformedEventException;
import dev.tend.platform.observability.ConsumerMetrics;
import dev.tend.platform.observability.Correlation;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The one way a Tend service consumes a record: parse it, then do the work and record the event id in one
 * transaction, so a redelivered event changes nothing.
 *
 * <p>A record that can never be processed is thrown back to the messaging layer as an
 * {@link UnprocessableRecordException} naming the consumer, whose dead-letter strategy publishes it with that
 * reason and moves on. A transient failure (the database restarting) is
 * retried here, in a new transaction each time, for as long as it lasts: dead-lettering it would lose an
 * event that is perfectly fine, and moving past it would break the customer's order.
 *
 * <p>The work runs in a span named for the consumer, a child of the span the Kafka connector started from the
 * record's {@code traceparent} header, so it continues the trace of whatever published the event.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ProcessedEvents processedEvents;
    private final ConsumerMetrics metrics;
    private final Tracer tracer;

    public InboundEvents(ProcessedEvents processedEvents, ConsumerMetrics metrics, Tracer tracer) {
        this.processedEvents = processedEvents;
        this.metrics = metrics;
        this.tracer = tracer;
    }

    /**
     * @param consumer a stable name for this consumer; the dedupe ledger is kept per consumer
     * @param record   the record's value as it came off the topic
     * @param handler  the work, run inside the transaction; it throws {@link MalformedEventException} for
     *                 a record that is well-formed JSON but can never be acted on
     */
    public void process(String consumer, String record, Consumer<EventEnvelope> handler) {
        EventEnvelope envelope;
        try {
            envelope = Events.read(record);
        } catch (MalformedEventException e) {
            metrics.record(consumer, "dead-lettered");
            throw new UnprocessableRecordException(consumer, e);
        }
        Correlation.set(envelope.correlationId());
        Span span = tracer.spanBuilder(consumer + " process")
                .setAttribute("messaging.message.id", String.valueOf(envelope.eventId()))
                .setAttribute("tend.event.type", envelope.type())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            handle(consumer, envelope, handler);
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
            Correlation.clear();
        }
    }

    private void handle(String consumer, EventEnvelope envelope, Consumer<EventEnvelope> handler) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                boolean processed = QuarkusTransaction.requiringNew().call(() -> {
                    if (!processedEvents.markProcessed(consumer, envelope.eventId())) {
                        return false;
                    }
                    handler.accept(envelope);
                    return true;
                });
                metrics.record(consumer, processed ? "processed" : "duplicate");
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    metrics.record(consumer, "dead-lettered");
                    throw new UnprocessableRecordException(consumer, e);
                }
                metrics.record(consumer, "retried");
                LOG.warnf("%s: transient failure on event %s, retrying in %d ms: %s",
                        consumer, envelope.eventId(), backoff.toMillis(), e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
