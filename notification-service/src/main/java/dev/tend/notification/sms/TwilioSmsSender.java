package dev.tend.notification.sms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tend.contracts.Channel;
import dev.tend.contracts.Events;
import dev.tend.notification.NotificationConfig;
import dev.tend.notification.service.Attempt;
import dev.tend.notification.service.ChannelSender;
import dev.tend.notification.service.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends SMS through Twilio's Messages API (or anything that speaks it, such as the test stand-in), asking it to
 * report delivery to our status webhook. Twilio takes no idempotency key, so after an unknown outcome the
 * recipient's recent messages are listed and matched by body before anything is sent again.
 */
@ApplicationScoped
public class TwilioSmsSender implements ChannelSender {

    public static final String STATUS_CALLBACK_PATH = "/webhooks/twilio/status";

    /** Twilio's errors that mean the number will never take this message. */
    private static final Set<Integer> PERMANENT = Set.of(21211, 21214, 21401, 21407, 21408, 21601, 21602, 21604,
            21610, 21612, 21614, 21617, 30003, 30005, 30006, 30007);
    /** The recipient opted out at the carrier or provider: never text them again until they opt back in. */
    private static final int UNSUBSCRIBED_RECIPIENT = 21610;

    private final NotificationConfig config;
    private final TwilioSignatures signatures;
    private final SmsApi api;

    public TwilioSmsSender(NotificationConfig config, TwilioSignatures signatures, SmsApi api) {
        this.config = config;
        this.signatures = signatures;
        this.api = api;
    }

    @Override
    public String channel() {
        return Channel.SMS.name();
    }

    @Override
    public Outcome send(Attempt attempt) {
        if (config.sms().accountSid().isEmpty() || config.sms().authToken().isEmpty() || config.sms().fromNumber().isEmpty()) {
            return new Outcome.Permanent("SMS provider is not configured (tend.notification.sms.account-sid, "
                    + "auth-token and from-number)", null);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", attempt.recipient());
        form.put("From", config.sms().fromNumber().get());
        form.put("Body", attempt.text());
        form.put("StatusCallback", signatures.urlFor(STATUS_CALLBACK_PATH));
        HttpRequest request = authorised(messagesUri(""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<String> response;
        try {
            response = api.send(request);
        } catch (SmsApi.NothingSent refused) {
            if (refused.response() == null) {
                return new Outcome.Transient("SMS provider unreachable: " + refused.getMessage());
            }
            response = refused.response();
        } catch (CircuitBreakerOpenException e) {
            return new Outcome.Transient("SMS provider circuit open after repeated failures, nothing sent");
        } catch (HttpTimeoutException e) {
            return new Outcome.Ambiguous("SMS provider did not answer within " + config.sms().timeout().toMillis() + " ms");
        } catch (IOException e) {
            return new Outcome.Ambiguous("SMS provider connection failed mid-request: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Ambiguous("interrupted while waiting for the SMS provider");
        }
        JsonNode body = json(response.body());
        if (response.statusCode() == 200 || response.statusCode() == 201) {
            String segments = body.path("num_segments").asText(null);
            return new Outcome.Sent(body.path("sid").asText(), segments == null ? null : Integer.valueOf(segments));
        }
        int code = body.path("code").asInt(0);
        String reason = "SMS provider answered " + response.statusCode() + (code == 0
                ? ": " + abbreviate(response.body())
                : " (error " + code + ": " + body.path("message").asText("") + ")");
        if (response.statusCode() == 429 || response.statusCode() >= 500 || response.statusCode() == 401) {
            return new Outcome.Transient(reason);
        }
        if (code == UNSUBSCRIBED_RECIPIENT) {
            return new Outcome.Permanent(reason, "the recipient has opted out with the SMS provider");
        }
        return new Outcome.Permanent(reason, null);
    }

    @Override
    public List<String> findSent(Attempt attempt) {
        HttpRequest request = authorised(messagesUri("?To=" + URLEncoder.encode(attempt.recipient(), StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response;
        try {
            response = api.read(request);
        } catch (IOException e) {
            throw new IllegalStateException("SMS provider lookup failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during an SMS provider lookup", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("SMS provider lookup answered " + response.statusCode());
        }
        List<String> sids = new ArrayList<>();
        json(response.body()).path("messages").forEach(message -> {
            if (attempt.text().equals(message.path("body").asText(null))) {
                sids.add(message.path("sid").asText());
            }
        });
        return sids;
    }

    /** Twilio-style: error codes that mean the message never reached the handset and never will. */
    public static boolean isPermanentError(int code) {
        return PERMANENT.contains(code);
    }

    private HttpRequest.Builder authorised(URI uri) {
        String credentials = config.sms().accountSid().orElse("") + ":" + config.sms().authToken().orElse("");
        return HttpRequest.newBuilder(uri)
                .timeout(config.sms().timeout())
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private URI messagesUri(String query) {
        return URI.create(config.sms().baseUrl().replaceAll("/+$", "") + "/2010-04-01/Accounts/"
                + config.sms().accountSid().orElse("") + "/Messages.json" + query);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String abbreviate(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static JsonNode json(String body) {
        try {
            return Events.mapper().readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return Events.mapper().createObjectNode();
        }
    }
}
