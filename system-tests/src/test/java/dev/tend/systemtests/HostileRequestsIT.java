package dev.tend.systemtests;

import dev.tend.contracts.Topics;
import dev.tend.infra.TendSystem;
import dev.tend.systemtests.hostile.Answer;
import dev.tend.systemtests.hostile.ApiCatalogue;
import dev.tend.systemtests.hostile.CustomerApi;
import dev.tend.systemtests.hostile.DataSnapshot;
import dev.tend.systemtests.hostile.FollowupApi;
import dev.tend.systemtests.hostile.HostileClient;
import dev.tend.systemtests.hostile.HostileRequest;
import dev.tend.systemtests.hostile.HostileRequestGenerator;
import dev.tend.systemtests.hostile.NotificationApi;
import dev.tend.systemtests.hostile.TopicWatch;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At least 1,000 generated malformed or hostile requests per service (seeded: the same requests on every run) get a
 * 4xx problem+json naming what is wrong, never a 5xx; afterwards the fixture household and every table they could
 * have touched are as they were, and nothing was published.
 */
class HostileRequestsIT {

    private static final long SEED = 20260407L;
    private static final int PER_SERVICE = 1_000;
    private static final String PHONE = "+442079460019";

    private static TendSystem system;
    private static UUID customerId;
    private static UUID petId;
    private static UUID visitId;
    private static UUID callId;
    private static UUID notificationId;

    @BeforeAll
    static void household() {
        system = RunningSystem.get();
        customerId = UUID.fromString(customerService().body(Map.of("name", "Hana Hostile",
                        "emails", List.of("hostile-" + UUID.randomUUID() + "@example.com"), "phones", List.of(PHONE),
                        "timezone", "Europe/London", "locale", "en-GB",
                        "consents", List.of(Map.of("channel", "EMAIL", "granted", true))))
                .post("/customers").then().statusCode(201).extract().<String>path("id"));
        petId = UUID.fromString(customerService().body(Map.of("customerId", customerId.toString(), "name", "Rex", "species", "dog", "birthDate", "2020-01-01"))
                .post("/pets").then().statusCode(201).extract().<String>path("id"));
        visitId = UUID.fromString(customerService().body(Map.of("customerId", customerId.toString(), "petId", petId.toString(),
                        "visitType", "wellness", "reason", "a check-up",
                        "visitedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).toString()))
                .post("/visits").then().statusCode(201).extract().<String>path("id"));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> followupService().get("/customers/" + customerId + "/tasks")
                .then().body("find { it.templateKey == 'visit-thank-you' }.deliveryStatus", equalTo("SENT")));
        notificationId = UUID.fromString(followupService().get("/customers/" + customerId + "/tasks").then().extract()
                .<String>path("find { it.templateKey == 'visit-thank-you' }.id"));
        callId = UUID.fromString(followupService().body(Map.of("rating", 1, "comment", "too long a wait"))
                .post("/customers/" + customerId + "/feedback").then().statusCode(201).extract().<String>path("resolutionTaskId"));
        // The scheduler must be done with the call before the snapshot: open, or pending for a while yet.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response call = followupService().get("/customers/" + customerId + "/tasks");
            String status = call.path("find { it.id == '" + callId + "' }.status");
            String due = call.path("find { it.id == '" + callId + "' }.dueAt");
            return "OPEN".equals(status) || Instant.parse(due).isAfter(Instant.now().plus(Duration.ofMinutes(10)));
        });
    }

    @Test
    void shouldRefuseEveryHostileRequestToCustomerService() {
        ServiceProcessUnderAttack target = new ServiceProcessUnderAttack(system.customerService().baseUrl(), "customer", List.of(
                "SELECT * FROM customer", "SELECT * FROM customer_consent", "SELECT * FROM pet", "SELECT * FROM pet_photo",
                "SELECT * FROM visit", "SELECT * FROM idempotency_record"));
        String etag = customerService().get("/customers/" + customerId).header("ETag");
        long customerVersion = version(customerService().get("/customers/" + customerId));
        long petVersion = version(customerService().get("/pets/" + petId));
        long visitVersion = version(customerService().get("/visits/" + visitId));
        target.attack(new CustomerApi(customerId, petId, visitId, customerVersion, petVersion, visitVersion));
        assertEquals(etag, customerService().get("/customers/" + customerId).header("ETag"), "the customer's ETag");
    }

    @Test
    void shouldRefuseEveryHostileRequestToFollowupService() {
        new ServiceProcessUnderAttack(system.followupService().baseUrl(), "followup", List.of(
                "SELECT * FROM playbook", "SELECT * FROM feedback", "SELECT * FROM customer_profile",
                "SELECT * FROM followup_task WHERE customer_id = '" + customerId + "'",
                "SELECT * FROM task_event WHERE customer_id = '" + customerId + "'"))
                .attack(new FollowupApi(customerId, callId));
    }

    @Test
    void shouldRefuseEveryHostileRequestToNotificationService() {
        new ServiceProcessUnderAttack(system.notificationService().baseUrl(), "notification", List.of(
                "SELECT * FROM message_template", "SELECT * FROM suppression", "SELECT * FROM recipient",
                "SELECT * FROM recipient_consent", "SELECT * FROM recipient_phone", "SELECT id, status FROM print_job",
                "SELECT * FROM notification WHERE customer_id = '" + customerId + "'"))
                .attack(new NotificationApi(customerId, notificationId, PHONE));
    }

    /** One service: snapshot, the generated requests, the verdicts, the snapshot again, and what was published. */
    private record ServiceProcessUnderAttack(String baseUrl, String database, List<String> tables) {

        void attack(ApiCatalogue api) {
            List<HostileRequest> requests = new HostileRequestGenerator(SEED, RunningSystem.ALL_ROLES).generate(api, PER_SERVICE);
            Map<String, String> before = snapshot();
            HostileClient client = new HostileClient(baseUrl);
            Map<String, Integer> byStatus = new TreeMap<>();
            List<String> failures = new ArrayList<>();
            long started = System.nanoTime();
            List<String> published;
            try (TopicWatch watch = new TopicWatch(system.kafka().bootstrapServers(), List.of(Topics.CUSTOMER_EVENTS,
                    Topics.CONSENT_REQUESTS, Topics.NOTIFICATION_REQUESTS, Topics.NOTIFICATION_STATUS))) {
                for (HostileRequest request : requests) {
                    Answer answer = client.send(request);
                    byStatus.merge(answer.status() == 0 ? "no answer" : Integer.toString(answer.status()), 1, Integer::sum);
                    List<String> problems = answer.problems(request);
                    if (!problems.isEmpty()) {
                        failures.add(request + " -> " + String.join(", ", problems) + " :: "
                                + (answer.body() == null ? "" : answer.body().substring(0, Math.min(200, answer.body().length()))));
                    }
                }
                published = watch.published().stream().filter(r -> r.startsWith(Topics.CUSTOMER_EVENTS)
                        || r.startsWith(Topics.CONSENT_REQUESTS) || r.contains(customerId.toString())).toList();
            }
            Map<String, String> after = snapshot();
            System.out.printf("%s: %d hostile requests in %d s, by status %s; %d not answered as they should be%n",
                    api.service(), requests.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds(), byStatus, failures.size());
            failures.stream().limit(80).forEach(f -> System.out.println("  " + f));
            assertTrue(requests.size() >= PER_SERVICE, "generated " + requests.size());
            assertTrue(failures.isEmpty(), api.service() + ": " + failures.size() + " answers fall short, e.g.\n"
                    + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
            assertEquals(before, after, api.service() + ": data changed");
            assertEquals(List.of(), published, api.service() + ": published");
        }

        private Map<String, String> snapshot() {
            return DataSnapshot.take(system.postgres().jdbcUrl(database), system.postgres().username(),
                    system.postgres().password(), tables);
        }
    }

    private static long version(Response response) {
        return Long.parseLong(response.then().statusCode(200).extract().header("ETag").replace("\"", "").replace("W/", ""));
    }

    private static RequestSpecification customerService() {
        return service(system.customerService().baseUrl());
    }

    private static RequestSpecification followupService() {
        return service(system.followupService().baseUrl());
    }

    private static RequestSpecification service(String baseUrl) {
        return given().baseUri(baseUrl).header("Authorization", RunningSystem.ALL_ROLES).contentType(ContentType.JSON).when();
    }
}
