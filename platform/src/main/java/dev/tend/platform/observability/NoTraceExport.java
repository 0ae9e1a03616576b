package dev.tend.platform.observability;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * Keeps traces inside the process until an OTLP endpoint is configured: trace ids still reach the logs, the outbox
 * and Kafka headers, but nothing is sent and no connection is attempted.
 *
 * <p>Quarkus' OTLP exporter is built in, and at run time only its endpoint can be set; with none it sends to
 * {@value #QUARKUS_DEFAULT_ENDPOINT} (quarkus#44200). It stands aside when the application provides a
 * {@link SpanExporter} bean, so this bean exists exactly while neither {@code quarkus.otel.exporter.otlp.endpoint}
 * nor {@code quarkus.otel.exporter.otlp.traces.endpoint} is set to anything but that default.
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
