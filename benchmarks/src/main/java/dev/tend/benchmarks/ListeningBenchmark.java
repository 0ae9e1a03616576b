package dev.tend.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tend.infra.TendSystem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Listening: a customer's text to the clinic's number, through the SMS stand-in's signed inbound webhook, until its
 * reply item is on followup-service's worklist (notification-service stores and matches it, its outbox, Kafka,
 * followup-service's triage). Each text comes from a household of its own, so each makes a new reply item rather
 * than joining an open one.
 */
final class ListeningBenchmark {

    /** The default clinic's zone, in which the worklist's days are counted. */
    private static final ZoneId CLINIC = ZoneId.of("Europe/London");
    /** How often the worklist is read; a sample's latency is rounded up to the read that first shows its item. */
    private static final Duration POLL = Duration.ofMillis(100);

    record Result(double perSecond, Latencies inboundToWorklist, int texts, int refused, int lost) {
    }

    private final TendSystem system;
    private final Settings settings;
    private final ObjectMapper json = new ObjectMapper();

    ListeningBenchmark(TendSystem system, Settings settings) {
        this.system = system;
        this.settings = settings;
    }

    Result run() throws Exception {
        int texts = settings.customers();
        List<String> customers = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < texts; i++) {
            String phone = String.format("+4474002%05d", i);
            customers.add(Http.id(Http.post(system.customerService().baseUrl() + "/customers",
                    "{\"name\":\"Listening Customer " + i + "\",\"phones\":[\"" + phone + "\"],"
                            + "\"timezone\":\"Europe/London\",\"locale\":\"en-GB\","
                            + "\"consents\":[{\"channel\":\"SMS\",\"granted\":true}]}").body()));
            phones.add(phone);
        }
        // notification-service must know every number before a text from it can find its household.
        Quiet.await(system, Duration.ofMinutes(3));

        double perSecond = texts / (double) settings.measure().toSeconds();
        Map<String, Instant> sent = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        String webhook = system.notificationService().baseUrl() + "/webhooks/twilio/inbound";
        LoadGenerator.openLoop(perSecond, settings.measure(), () -> {
            int i = next.getAndIncrement();
            if (i >= texts) {
                return false;
            }
            Instant at = Instant.now();
            boolean accepted = system.smsStandIn().textIn(webhook, phones.get(i), TendSystem.SMS_SENDER,
                    "Hello, the tablets you gave us yesterday are making her sleepy, is that normal?") == 200;
            if (accepted) {
                sent.put(customers.get(i), at);
            }
            return accepted;
        });

        Map<String, Instant> listed = awaitWorklist(sent, Duration.ofMinutes(3));
        List<Long> latencies = new ArrayList<>();
        sent.forEach((customer, at) -> {
            Instant onList = listed.get(customer);
            if (onList != null) {
                latencies.add(Duration.between(at, onList).toNanos());
            }
        });
        return new Result(perSecond, new Latencies(latencies), texts, texts - sent.size(), sent.size() - latencies.size());
    }

    /**
     * Reads the worklist until every texting household has its reply item there, or {@code atMost} passed. It asks
     * for the worklist a week ahead: outside clinic hours a reply is due at the next opening, not today.
     */
    private Map<String, Instant> awaitWorklist(Map<String, Instant> sent, Duration atMost) throws Exception {
        Map<String, Instant> listed = new ConcurrentHashMap<>();
        String url = system.followupService().baseUrl() + "/worklist?date=" + LocalDate.now(CLINIC).plusDays(7);
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline && !listed.keySet().containsAll(sent.keySet())) {
            Instant readAt = Instant.now();
            for (JsonNode item : json.readTree(Http.getBody(url))) {
                String customer = item.path("household").path("customerId").asText();
                if ("REPLY".equals(item.path("kind").asText()) && sent.containsKey(customer)) {
                    listed.putIfAbsent(customer, readAt);
                }
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        return listed;
    }
}
