package dev.tend.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Twilio's REST API that sends and looks up SMS, as a WireMock transformer: WireMock serves the HTTP
 * and journals every request, this decides each answer. Shapes follow Twilio's documented JSON, including its
 * habit of sending counts as strings.
 */
final class TwilioMessagesApi implements ResponseDefinitionTransformerV2 {

    static final String NAME = "tend-twilio-messages";
    static final String PATH_REGEX = "/2010-04-01/Accounts/[^/]+/Messages(/[^/]+)?\\.json";

    private static final Pattern PATH = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages(?:/([^/]+))?\\.json");
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String accountSid;
    private final String expectedAuthorization;
    private volatile Supplier<List<SentSms>> accepted = List::of;
    private volatile int failureStatus;
    private volatile Duration delay = Duration.ZERO;

    TwilioMessagesApi(String accountSid, String authToken) {
        this.accountSid = accountSid;
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    }

    void readAcceptedFrom(Supplier<List<SentSms>> journal) {
        this.accepted = journal;
    }

    void failWith(int status) {
        this.failureStatus = status;
    }

    void delay(Duration delay) {
        this.delay = delay;
    }

    void recover() {
        this.failureStatus = 0;
        this.delay = Duration.ZERO;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        ResponseDefinitionBuilder answer = answer(serveEvent.getRequest());
        if (!delay.isZero()) {
            answer.withFixedDelay((int) delay.toMillis());
        }
        return answer.build();
    }

    private ResponseDefinitionBuilder answer(LoggedRequest request) {
        if (!expectedAuthorization.equals(request.getHeader("Authorization"))) {
            return error(401, 20003, "Authenticate");
        }
        Matcher path = PATH.matcher(pathOf(request.getUrl()));
        if (!path.matches() || !accountSid.equals(path.group(1))) {
            return error(404, 20404, "The requested resource " + pathOf(request.getUrl()) + " was not found");
        }
        if (failureStatus != 0) {
            return error(failureStatus, failureStatus == 401 ? 20003 : 20000 + failureStatus, "Stand-in outage");
        }
        if (path.group(2) != null) {
            return RequestMethod.GET.equals(request.getMethod())
                    ? fetch(path.group(2))
                    : error(405, 20004, "Method not allowed");
        }
        if (RequestMethod.GET.equals(request.getMethod())) {
            return list(queryOf(request.getUrl()).get("To"));
        }
        if (RequestMethod.POST.equals(request.getMethod())) {
            return send(formOf(request.getBodyAsString()), request.getLoggedDate().toInstant());
        }
        return error(405, 20004, "Method not allowed");
    }

    private ResponseDefinitionBuilder send(Map<String, String> form, Instant receivedAt) {
        if (isBlank(form.get("To"))) {
            return error(400, 21604, "A 'To' phone number is required.");
        }
        if (isBlank(form.get("From")) && isBlank(form.get("MessagingServiceSid"))) {
            return error(400, 21603, "A 'From' phone number is required.");
        }
        if (isBlank(form.get("Body"))) {
            return error(400, 21602, "Message body is required.");
        }
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        return json(201, message(new SentSms(sid, form.get("To"), form.get("From"), form.get("Body"),
                form.get("StatusCallback"), receivedAt)));
    }

    private ResponseDefinitionBuilder fetch(String sid) {
        return accepted.get().stream()
                .filter(sms -> sms.sid().equals(sid))
                .findFirst()
                .map(sms -> json(200, message(sms)))
                .orElseGet(() -> error(404, 20404, "The requested resource was not found"));
    }

    private ResponseDefinitionBuilder list(String to) {
        List<Map<String, Object>> messages = accepted.get().stream()
                .filter(sms -> to == null || to.equals(sms.to()))
                .map(this::message)
                .toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("messages", messages);
        page.put("start", 0);
        page.put("end", Math.max(0, messages.size() - 1));
        page.put("page", 0);
        page.put("page_size", Math.max(50, messages.size()));
        page.put("uri", messagesUri());
        page.put("first_page_uri", messagesUri());
        page.put("next_page_uri", null);
        page.put("previous_page_uri", null);
        return json(200, page);
    }

    /** Twilio's message resource. A stand-in never delivers, so every message stays queued. */
    private Map<String, Object> message(SentSms sms) {
        String created = RFC_2822.format(sms.receivedAt());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("sid", sms.sid());
        message.put("account_sid", accountSid);
        message.put("api_version", "2010-04-01");
        message.put("to", sms.to());
        message.put("from", sms.from());
        message.put("body", sms.body());
        message.put("status", "queued");
        message.put("direction", "outbound-api");
        message.put("num_segments", Integer.toString(SmsSegments.of(sms.body())));
        message.put("num_media", "0");
        message.put("date_created", created);
        message.put("date_updated", created);
        message.put("date_sent", null);
        message.put("error_code", null);
        message.put("error_message", null);
        message.put("price", null);
        message.put("price_unit", "USD");
        message.put("messaging_service_sid", null);
        message.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sms.sid() + ".json");
        return message;
    }

    private String messagesUri() {
        return "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
    }

    private static ResponseDefinitionBuilder error(int status, int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        error.put("status", status);
        return json(status, error);
    }

    private static ResponseDefinitionBuilder json(int status, Object body) {
        try {
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sidOf(String responseBody) {
        try {
            return JSON.readTree(responseBody).path("sid").asText(null);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String pathOf(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static Map<String, String> queryOf(String url) {
        int query = url.indexOf('?');
        return query < 0 ? Map.of() : formOf(url.substring(query + 1));
    }

    static Map<String, String> formOf(String encoded) {
        Map<String, String> form = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(name, value);
        }
        return form;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
