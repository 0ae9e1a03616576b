package dev.tend.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a person reads instead of real inboxes and phones: {@code /mail} (every caught mail), {@code /sms} (every SMS
 * the stand-in accepted) and {@code /sms/inbound} (text the clinic: the stand-in calls notification-service's signed
 * inbound webhook, as Twilio would). {@code ./tend up} and docker compose's stand-ins both serve it, on {@link #PORT}.
 */
public final class Inbox {

    public static final int PORT = 8025;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Inbox() {
    }

    /**
     * @param inboundWebhookUrl notification-service's inbound SMS webhook as it rebuilds it (its public address)
     * @param deliverTo         where the stand-in sends it (the same, except across containers)
     */
    public static HttpServer start(String bindAddress, int port, MailCatcher mail, SmsStandIn sms, String inboundWebhookUrl,
                                   String deliverTo) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serve the inbox on " + bindAddress + ":" + port, e);
        }
        server.createContext("/mail", exchange -> respond(exchange, mail::messages));
        server.createContext("/sms", exchange -> respond(exchange, sms::messages));
        server.createContext("/sms/inbound", exchange -> {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = sms.textIn(inboundWebhookUrl, deliverTo, form.getOrDefault("from", ""), TendSystem.SMS_SENDER,
                    form.getOrDefault("body", ""));
            respond(exchange, () -> Map.of("webhookStatus", status));
        });
        server.start();
        return server;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange exchange, Supplier<Object> body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body.get());
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }
}
