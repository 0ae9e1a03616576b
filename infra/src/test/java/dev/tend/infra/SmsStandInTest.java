package dev.tend.infra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmsStandInTest {

    private static final String OWNER = "+15005550006";
    private static final String CLINIC = "+15005550001";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private SmsStandIn sms;

    @BeforeEach
    void start() {
        sms = SmsStandIn.start(0);
    }

    @AfterEach
    void stop() {
        sms.close();
    }

    @Test
    void shouldAcceptAMessageLikeTwilio() throws Exception {
        HttpResponse<String> response = send(sms.accountSid(), sms.authToken(), "Rex is due", Duration.ofSeconds(10));

        assertEquals(201, response.statusCode());
        JsonNode message = JSON.readTree(response.body());
        String sid = message.path("sid").asText();
        assertTrue(sid.matches("SM[0-9a-f]{32}"), sid);
        assertEquals("queued", message.path("status").asText());
        assertEquals(OWNER, message.path("to").asText());
        assertEquals(CLINIC, message.path("from").asText());
        assertEquals("Rex is due", message.path("body").asText());
        assertEquals("1", message.path("num_segments").asText());
        assertTrue(message.hasNonNull("date_created"));

        List<SentSms> accepted = sms.messages();
        assertEquals(1, accepted.size());
        assertEquals(sid, accepted.get(0).sid());
        assertEquals("Rex is due", accepted.get(0).body());
        assertEquals("https://tend.test/sms/status", accepted.get(0).statusCallback());
    }

    @Test
    void shouldRefuseWrongCredentialsTheTwilioWay() throws Exception {
        HttpResponse<String> response = send(sms.accountSid(), "wrong-token", "Rex is due", Duration.ofSeconds(10));

        assertEquals(401, response.statusCode());
        assertEquals(20003, JSON.readTree(response.body()).path("code").asInt());
        assertTrue(sms.messages().isEmpty());
    }

    @Test
    void shouldNotCountMessagesRefusedDuringAnOutage() throws Exception {
        sms.failWith(500);
        HttpResponse<String> refused = send(sms.accountSid(), sms.authToken(), "during outage", Duration.ofSeconds(10));
        sms.recover();
        HttpResponse<String> accepted = send(sms.accountSid(), sms.authToken(), "after outage", Duration.ofSeconds(10));

        assertEquals(500, refused.statusCode());
        assertEquals(20500, JSON.readTree(refused.body()).path("code").asInt());
        assertEquals(201, accepted.statusCode());
        assertEquals(List.of("after outage"), sms.messages().stream().map(SentSms::body).toList());
    }

    @Test
    void shouldAcceptASlowlyAnsweredMessageEvenWhenTheClientGaveUp() throws Exception {
        sms.delayResponses(Duration.ofSeconds(2));

        assertThrows(HttpTimeoutException.class,
                () -> send(sms.accountSid(), sms.authToken(), "slow", Duration.ofMillis(300)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertEquals(List.of("slow"), sms.messages().stream().map(SentSms::body).toList()));
        sms.recover();
        JsonNode listed = JSON.readTree(get("/Messages.json?To=" + URLEncoder.encode(OWNER, StandardCharsets.UTF_8))
                .body());
        assertEquals(sms.messages().get(0).sid(), listed.path("messages").path(0).path("sid").asText());
        assertEquals(200, get("/Messages/" + sms.messages().get(0).sid() + ".json").statusCode());
    }

    private HttpResponse<String> send(String user, String password, String body, Duration timeout)
            throws IOException, InterruptedException {
        String form = "To=" + enc(OWNER) + "&From=" + enc(CLINIC) + "&Body=" + enc(body)
                + "&StatusCallback=" + enc("https://tend.test/sms/status");
        HttpRequest request = HttpRequest.newBuilder(messagesUri(""))
                .timeout(timeout)
                .header("Authorization", basic(user, password))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(messagesUri(path))
                .header("Authorization", basic(sms.accountSid(), sms.authToken()))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI messagesUri(String path) {
        String tail = path.isEmpty() ? "/Messages.json" : path;
        return URI.create(sms.baseUrl() + "/2010-04-01/Accounts/" + sms.accountSid() + tail);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
