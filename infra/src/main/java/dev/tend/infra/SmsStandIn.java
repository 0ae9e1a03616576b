package dev.tend.infra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stands in for Twilio's Messages API on 127.0.0.1: {@code POST /2010-04-01/Accounts/{sid}/Messages.json} with
 * form fields To, From, Body and optionally StatusCallback, HTTP Basic auth {@code accountSid:authToken}, answered
 * 201 with a Twilio-shaped message. {@code GET .../Messages.json?To=...} and {@code GET .../Messages/{sid}.json}
 * list and fetch what was accepted, for clients that reconcile after a timeout.
 */
public final class SmsStandIn implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final String ACCOUNT_SID = "ACtend0000000000000000000000000000";
    private static final String AUTH_TOKEN = "tendtesttoken0000000000000000000";

    private final WireMockServer server;
    private final TwilioMessagesApi api;
    private final int port;

    private SmsStandIn(WireMockServer server, TwilioMessagesApi api) {
        this.server = server;
        this.api = api;
        this.port = server.port();
    }

    /** Starts the stand-in on {@code port}; 0 picks a free port. */
    public static SmsStandIn start(int port) {
        return start(port, HOST);
    }

    /**
     * As {@link #start(int)}, listening on {@code bindAddress}: {@code 0.0.0.0} where other containers send to it
     * (docker compose's stand-ins), 127.0.0.1 everywhere else.
     */
    public static SmsStandIn start(int port, String bindAddress) {
        TwilioMessagesApi api = new TwilioMessagesApi(ACCOUNT_SID, AUTH_TOKEN);
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress(bindAddress)
                .extensions(api)
                .notifier(new ConsoleNotifier(false));
        // A port of its own even when any will do, so that after refuseConnections() it listens there again.
        WireMockServer server = new WireMockServer(options.port(port == 0 ? freePort(bindAddress) : port));
        server.start();
        server.stubFor(any(urlPathMatching(TwilioMessagesApi.PATH_REGEX))
                .willReturn(aResponse().withTransformers(TwilioMessagesApi.NAME)));
        SmsStandIn standIn = new SmsStandIn(server, api);
        api.readAcceptedFrom(standIn::messages);
        return standIn;
    }

    public String baseUrl() {
        return "http://" + HOST + ":" + port;
    }

    public String accountSid() {
        return ACCOUNT_SID;
    }

    public String authToken() {
        return AUTH_TOKEN;
    }

    /** Messages answered 201, oldest first, read from WireMock's request journal. */
    public List<SentSms> messages() {
        return server.getAllServeEvents().stream()
                .filter(SmsStandIn::isAcceptedSend)
                .map(SmsStandIn::toSentSms)
                .sorted(Comparator.comparing(SentSms::receivedAt))
                .toList();
    }

    /** Every request from now on is answered {@code httpStatus} with a Twilio error body, and nothing is sent. */
    public void failWith(int httpStatus) {
        api.failWith(httpStatus);
    }

    /**
     * Every answer from now on comes only after {@code delay}. Messages are still accepted: a client that gives up
     * waiting has sent one all the same, which is what reconciliation must cope with.
     */
    public void delayResponses(Duration delay) {
        api.delay(delay);
    }

    /**
     * What the provider does when a customer texts the clinic's number: POSTs the message to the inbound webhook
     * ({@code From}, {@code To}, {@code Body}, {@code MessageSid}, {@code AccountSid}), signed with
     * {@code X-Twilio-Signature} as Twilio signs it: Base64(HMAC-SHA1(auth token, URL + each parameter's name and
     * value, sorted by name)).
     *
     * @param webhookUrl the URL the provider was given, exactly as the receiver will rebuild it
     * @return the webhook's HTTP status
     */
    public int textIn(String webhookUrl, String from, String to, String body) {
        return textIn(webhookUrl, webhookUrl, from, to, body);
    }

    /**
     * As {@link #textIn(String, String, String, String)}, signed for {@code webhookUrl} (the receiver's public address,
     * which it rebuilds) but sent to {@code deliverTo}: in docker compose the stand-in reaches notification-service by
     * its container name, while the service's public address is the one a person's browser uses.
     */
    public int textIn(String webhookUrl, String deliverTo, String from, String to, String body) {
        Map<String, String> form = new TreeMap<>(Map.of("AccountSid", ACCOUNT_SID, "From", from, "To", to, "Body", body,
                "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", "")));
        StringBuilder signed = new StringBuilder(webhookUrl);
        form.forEach((name, value) -> signed.append(name).append(value));
        String encoded = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
            HttpRequest request = HttpRequest.newBuilder(URI.create(deliverTo)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(encoded)).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not call " + deliverTo, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + deliverTo, e);
        }
    }

    /**
     * Sends ({@code POST .../Messages.json}) that reached the stand-in, whatever they were answered: what a client
     * that must not call a provider it knows to be down can be counted by.
     */
    public long sendRequests() {
        return server.getAllServeEvents().stream()
                .filter(event -> RequestMethod.POST.equals(event.getRequest().getMethod())
                        && TwilioMessagesApi.pathOf(event.getRequest().getUrl()).endsWith("/Messages.json"))
                .count();
    }

    /**
     * Stops listening, so every connection is refused, as by a provider that is down: nothing can have been sent.
     * {@link #recover()} listens again, on the same port, with what was sent before still in the journal.
     */
    public synchronized void refuseConnections() {
        if (server.isRunning()) {
            server.stop();
        }
    }

    /** Back to prompt, successful answers (listening again after {@link #refuseConnections()}). */
    public synchronized void recover() {
        api.recover();
        if (!server.isRunning()) {
            server.start();
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private static int freePort(String bindAddress) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(bindAddress))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the SMS stand-in", e);
        }
    }

    private static boolean isAcceptedSend(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        return RequestMethod.POST.equals(request.getMethod())
                && TwilioMessagesApi.pathOf(request.getUrl()).endsWith("/Messages.json")
                && event.getResponse() != null
                && event.getResponse().getStatus() == 201;
    }

    private static SentSms toSentSms(ServeEvent event) {
        Map<String, String> form = TwilioMessagesApi.formOf(event.getRequest().getBodyAsString());
        return new SentSms(TwilioMessagesApi.sidOf(event.getResponse().getBodyAsString()), form.get("To"),
                form.get("From"), form.get("Body"), form.get("StatusCallback"),
                event.getRequest().getLoggedDate().toInstant());
    }
}
