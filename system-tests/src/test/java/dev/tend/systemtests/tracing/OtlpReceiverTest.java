package dev.tend.systemtests.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The receiver stand-in reads what the OpenTelemetry SDK's own OTLP encoder writes. */
class OtlpReceiverTest {

    @Test
    void shouldDecodeSpansAsTheOtlpEncoderWritesThem() throws IOException {
        List<SpanData> finished = new CopyOnWriteArrayList<>();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "visit-desk")))
                .addSpanProcessor(SimpleSpanProcessor.create(collecting(finished)))
                .build()) {
            Tracer tracer = provider.get("test");
            Span parent = tracer.spanBuilder("POST /visits").setSpanKind(SpanKind.SERVER).startSpan();
            try (Scope ignored = parent.makeCurrent()) {
                tracer.spanBuilder("smtp send").setSpanKind(SpanKind.CLIENT).startSpan().end();
            }
            parent.end();
        }
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        TraceRequestMarshaler.create(finished).writeBinaryTo(encoded);

        List<OtlpReceiver.ReceivedSpan> decoded = OtlpReceiver.decodeExportRequest(encoded.toByteArray());

        assertEquals(2, decoded.size());
        OtlpReceiver.ReceivedSpan root = decoded.stream().filter(OtlpReceiver.ReceivedSpan::isRoot).findFirst().orElseThrow();
        OtlpReceiver.ReceivedSpan child = decoded.stream().filter(s -> !s.isRoot()).findFirst().orElseThrow();
        assertEquals("POST /visits", root.name());
        assertEquals("smtp send", child.name());
        assertEquals(root.spanId(), child.parentSpanId());
        assertEquals(root.traceId(), child.traceId());
        assertEquals(finished.get(0).getTraceId(), child.traceId());
        assertTrue(decoded.stream().allMatch(s -> s.service().equals("visit-desk")));
        // SpanKind in OTLP: SERVER = 2, CLIENT = 3.
        assertEquals(2, root.kind());
        assertEquals(3, child.kind());
    }

    private static SpanExporter collecting(List<SpanData> into) {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                into.addAll(spans);
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
        };
    }
}
