package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.Recipient;
import dev.tend.infra.SentSms;
import dev.tend.infra.SmsStandIn;
import dev.tend.notification.sms.SmsApi;
import dev.tend.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.tend.notification.Fixtures.WAIT;
import static dev.tend.notification.Fixtures.household;
import static dev.tend.notification.Fixtures.notificationId;
import static dev.tend.notification.Fixtures.request;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SMS provider's circuit breaker ({@link SmsApi}), end to end through the dispatcher against the provider
 * stand-in. The test profile opens it after four failures in a row and half-opens it after ten seconds.
 */
@QuarkusTest
@NotificationServiceTestResource
class ProviderCircuitBreakerTest {

    private static final int FAILURES_TO_OPEN = 4;
    private static final Duration OPEN_FOR = Duration.ofSeconds(10);
    private static final String SEND = "dev.tend.notification.sms.SmsApi.send";
    private static final Map<String, String> RECHECK = Map.of("customerName", "Mia Wong", "petName", "Biscuit",
            "recheckDate", "11 April");

    @Inject
    CircuitBreakerMaintenance breakers;

    /** When a breaker last opened ({@link System#nanoTime()}): the library times its delay on the real clock. */
    private static volatile long openedAt;
    private static boolean watching;

    @BeforeEach
    void closedBreakersAndWorkingProviders() {
        standIn().recover();
        breakers.resetAll();
        if (!watching) {
            breakers.onStateChange(SmsApi.BREAKER, state -> {
                if (state == CircuitBreakerState.OPEN) {
                    openedAt = System.nanoTime();
                }
            });
            watching = true;
        }
    }

    @AfterEach
    void providersBackToNormal() {
        standIn().recover();
        breakers.resetAll();
    }

    /** Waits out the breaker's delay (timed by the library on the real clock), then moves the service's clock until all is sent. */
    private static void afterTheDelayRetryUntil(java.util.function.BooleanSupplier allSent) {
        await().atMost(OPEN_FOR.plus(WAIT)).until(() -> System.nanoTime() - openedAt > OPEN_FOR.toNanos());
        // Small steps: a batch is claimed at once and sent one by one, and none of it may outlive
        // dispatcher.in-flight-timeout (2m) on this clock, or a send under way would be taken for a lost one (which an
        // email rightly answers with a second copy). Still past the few seconds of backoff so far.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            SettableClock.INSTANCE.advance(Duration.ofSeconds(5));
            return allSent.getAsBoolean();
        });
    }

    private static SmsStandIn standIn() {
        return SmsStandInResource.standIn();
    }

    private static List<SentSms> textsTo(String phone) {
        return standIn().messages().stream().filter(sms -> phone.equals(sms.to())).toList();
    }

    /** A household that takes texts, and its recheck reminder sent to this service. */
    private static EventEnvelope remind(String phone) {
        UUID customerId = household(null, phone, Channel.SMS);
        EventEnvelope reminder = request(customerId, Channel.SMS, "recheck-reminder",
                new Recipient("Mia Wong", null, phone, null, "en-GB", "Europe/London"), RECHECK);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, reminder);
        return reminder;
    }

    /** The notification as the service shows it, empty until the request has been taken in. */
    private static Map<String, Object> notification(EventEnvelope request) {
        var response = given().when().get("/notifications/" + notificationId(request)).then().extract();
        return response.statusCode() == 404 ? Map.of() : response.jsonPath().getMap("");
    }

    private static String statusReason(EventEnvelope request) {
        return String.valueOf(notification(request).get("statusReason"));
    }

    /** The value of a Prometheus sample of {@code name} whose labels include every one of {@code labels}. */
    private static double metric(String name, String... labels) {
        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        // A sample may end with an exemplar ("... 1.0 # {trace_id=...} 1.0 ..."): the value is the first number.
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)").matcher(scrape);
        double sum = 0;
        while (sample.find()) {
            String found = sample.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= found.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(sample.group(2));
            }
        }
        return sum;
    }

    private static String breakerSamples() {
        return given().when().get("/q/metrics").then().extract().asString().lines()
                .filter(line -> line.startsWith("ft_circuitbreaker")).collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void shouldOpenAfterRefusedConnectionsFailFastWithoutCallingTheProviderAndCloseWhenItIsBack() {
        double openedBefore = metric("ft_circuitbreaker_opened_total", "method=\"" + SEND + "\"");
        standIn().refuseConnections();
        List<String> phones = new ArrayList<>();
        List<EventEnvelope> refused = new ArrayList<>();
        for (int i = 0; i < FAILURES_TO_OPEN; i++) {
            phones.add("+4479111237" + (10 + i));
            refused.add(remind(phones.get(i)));
        }

        await().atMost(WAIT).until(() -> breakers.currentState(SmsApi.BREAKER) == CircuitBreakerState.OPEN);
        for (EventEnvelope reminder : refused) {
            await().atMost(WAIT).until(() -> "PENDING".equals(notification(reminder).get("status")));
            assertTrue(statusReason(reminder).contains("unreachable") || statusReason(reminder).contains("circuit open"),
                    statusReason(reminder));
        }
        assertEquals(openedBefore + 1, metric("ft_circuitbreaker_opened_total", "method=\"" + SEND + "\""),
                ProviderCircuitBreakerTest::breakerSamples);
        assertEquals(1, metric("ft_circuitbreaker_state_current", "state=\"open\"", "method=\"" + SEND + "\""),
                ProviderCircuitBreakerTest::breakerSamples);

        // The provider is back, but the breaker does not know yet: a send fails at once, and nothing reaches it.
        standIn().recover();
        long callsWhileOpen = standIn().sendRequests();
        String latePhone = "+447911123720";
        phones.add(latePhone);
        EventEnvelope late = remind(latePhone);
        await().atMost(WAIT).until(() -> statusReason(late).contains("circuit open"));
        assertTrue(System.nanoTime() - openedAt < OPEN_FOR.toNanos(), "the breaker half-opened before the check");
        assertEquals("PENDING", notification(late).get("status"));
        assertEquals(callsWhileOpen, standIn().sendRequests(), "a call reached the provider while the breaker was open");
        assertTrue(textsTo(latePhone).isEmpty());
        assertTrue(metric("ft_circuitbreaker_calls_total", "circuitBreakerResult=\"circuitBreakerOpen\"",
                "method=\"" + SEND + "\"") >= 1, ProviderCircuitBreakerTest::breakerSamples);

        // Once the breaker's delay has passed, the next send is its trial: it goes through and closes it.
        afterTheDelayRetryUntil(() -> phones.stream().allMatch(phone -> !textsTo(phone).isEmpty()));
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(SmsApi.BREAKER));
        for (String phone : phones) {
            assertEquals(1, textsTo(phone).size(), phone + " was texted more than once");
        }
        List<EventEnvelope> all = new ArrayList<>(refused);
        all.add(late);
        for (EventEnvelope reminder : all) {
            await().atMost(WAIT).until(() -> "SENT".equals(notification(reminder).get("status")));
        }
    }

    @Test
    void shouldCountProviderErrorsBeforeAcceptanceAndStopCallingIt() {
        standIn().failWith(503);
        long callsBefore = standIn().sendRequests();
        List<EventEnvelope> refused = new ArrayList<>();
        for (int i = 0; i < FAILURES_TO_OPEN; i++) {
            refused.add(remind("+4479111237" + (30 + i)));
        }

        await().atMost(WAIT).until(() -> breakers.currentState(SmsApi.BREAKER) == CircuitBreakerState.OPEN);
        for (EventEnvelope reminder : refused) {
            await().atMost(WAIT).until(() -> "PENDING".equals(notification(reminder).get("status")));
        }
        long callsToOpen = standIn().sendRequests() - callsBefore;
        assertEquals(FAILURES_TO_OPEN, callsToOpen, "the breaker opened after another number of provider errors");

        EventEnvelope late = remind("+447911123740");
        await().atMost(WAIT).until(() -> statusReason(late).contains("circuit open"));
        assertEquals(callsToOpen, standIn().sendRequests() - callsBefore, "a call reached the provider while the breaker was open");
    }

    @Test
    void shouldKeepTimeoutsAmbiguousWithoutOpeningTheBreakerAndReconcileThemRatherThanResend() {
        standIn().delayResponses(Duration.ofSeconds(8)); // longer than the test profile's sms.timeout (5s)
        List<String> phones = new ArrayList<>();
        List<EventEnvelope> unanswered = new ArrayList<>();
        for (int i = 0; i < FAILURES_TO_OPEN; i++) {
            phones.add("+4479111237" + (50 + i));
            unanswered.add(remind(phones.get(i)));
        }

        for (EventEnvelope reminder : unanswered) {
            await().atMost(WAIT).until(() -> "SENDING".equals(notification(reminder).get("status"))
                    && statusReason(reminder).contains("outcome unknown"));
        }
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(SmsApi.BREAKER),
                "a timeout proves nothing about the provider, so it must not open the breaker");
        // Each was taken all the same, only its answer came too late.
        await().atMost(WAIT).until(() -> phones.stream().allMatch(phone -> textsTo(phone).size() == 1));

        standIn().recover();
        SettableClock.INSTANCE.advance(Duration.ofHours(1));
        for (EventEnvelope reminder : unanswered) {
            await().atMost(WAIT).until(() -> "SENT".equals(notification(reminder).get("status")));
        }
        for (int i = 0; i < phones.size(); i++) {
            assertEquals(1, textsTo(phones.get(i)).size(), phones.get(i) + " was texted again");
            assertEquals(textsTo(phones.get(i)).get(0).sid(), notification(unanswered.get(i)).get("providerMessageId"));
        }
    }
}
