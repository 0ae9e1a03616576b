package dev.tend.systemtests.tracing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver standing in for a collector: accepts {@code POST /v1/traces} in the binary protobuf
 * encoding Quarkus' exporter sends ({@code http/protobuf}), and keeps every span with its service's name.
 *
 * <p>It reads the few fields it needs straight off the protobuf wire format (field numbers from
 * opentelemetry-proto's {@code trace/v1/trace.proto}), rather than depend on the generated classes.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** One received span. Ids in lowercase hex; {@code parentSpanId} empty for a trace's root. */
    public record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name,
                               int kind) {

        public boolean isRoot() {
            return parentSpanId.isEmpty();
        }
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    public static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the OTLP receiver", e);
        }
    }

    /** The base URL to configure as the exporter's endpoint; it posts to {@code /v1/traces} under it. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    public List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** Requests it could not take (wrong path, method or content type), so a test can tell why nothing arrived. */
    public List<String> rejected() {
        return List.copyOf(rejected);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().endsWith("/v1/traces")
                    || !contentType.startsWith("application/x-protobuf")) {
                rejected.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + contentType);
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            spans.addAll(decodeExportRequest(body.readAllBytes()));
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            // An empty ExportTraceServiceResponse: everything accepted.
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; } */
    static List<ReceivedSpan> decodeExportRequest(byte[] request) {
        List<ReceivedSpan> decoded = new ArrayList<>();
        for (Wire.Field resourceSpans : Wire.fields(request)) {
            if (resourceSpans.number() == 1) {
                decodeResourceSpans(resourceSpans.bytes(), decoded);
            }
        }
        return decoded;
    }

    /** ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; } */
    private static void decodeResourceSpans(byte[] message, List<ReceivedSpan> into) {
        String service = "";
        List<byte[]> scopes = new ArrayList<>();
        for (Wire.Field field : Wire.fields(message)) {
            if (field.number() == 1) {
                service = serviceName(field.bytes());
            } else if (field.number() == 2) {
                scopes.add(field.bytes());
            }
        }
        for (byte[] scope : scopes) {
            // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
            for (Wire.Field field : Wire.fields(scope)) {
                if (field.number() == 2) {
                    into.add(decodeSpan(service, field.bytes()));
                }
            }
        }
    }

    /** Resource { repeated KeyValue attributes = 1; }, KeyValue { string key = 1; AnyValue value = 2; } */
    private static String serviceName(byte[] resource) {
        for (Wire.Field attribute : Wire.fields(resource)) {
            if (attribute.number() != 1) {
                continue;
            }
            String key = null;
            String value = null;
            for (Wire.Field part : Wire.fields(attribute.bytes())) {
                if (part.number() == 1) {
                    key = part.string();
                } else if (part.number() == 2) {
                    // AnyValue { string string_value = 1; ... }
                    for (Wire.Field any : Wire.fields(part.bytes())) {
                        if (any.number() == 1) {
                            value = any.string();
                        }
                    }
                }
            }
            if ("service.name".equals(key)) {
                return value;
            }
        }
        return "";
    }

    /** Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6; } */
    private static ReceivedSpan decodeSpan(String service, byte[] span) {
        HexFormat hex = HexFormat.of();
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        for (Wire.Field field : Wire.fields(span)) {
            switch (field.number()) {
                case 1 -> traceId = hex.formatHex(field.bytes());
                case 2 -> spanId = hex.formatHex(field.bytes());
                case 4 -> parent = hex.formatHex(field.bytes());
                case 5 -> name = field.string();
                case 6 -> kind = (int) field.varint();
                default -> {
                }
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
