package dev.tend.console.config;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * Keeps the console's traces inside the process until an OTLP endpoint is configured, as platform's class of the
 * same name does for the services (the console does not stand on platform: it has no events, outbox or Kafka).
 *
 * <p>Quarkus' built-in OTLP exporter sends to {@value #QUARKUS_DEFAULT_ENDPOINT} when no endpoint is set
 * (quarkus#44200), and stands aside when the application provides a {@link SpanExporter} bean: this bean exists
 * exactly while neither {@code quarkus.otel.exporter.otlp.endpoint} nor {@code ...traces.endpoint} is set.
 */
@Singleton
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = NoTraceExport.QUARKUS_DEFAULT_ENDPOINT,
        lookupIfMissing = true)
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = NoTraceExport.QUARKUS_DEFAULT_ENDPOINT,
        lookupIfMissing = true)
public class NoTraceExport implements SpanExporter {

    static final String QUARKUS_DEFAULT_ENDPOINT = "http://localhost:4317/";

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
