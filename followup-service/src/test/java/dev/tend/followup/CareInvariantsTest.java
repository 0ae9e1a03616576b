package dev.tend.followup;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.customer.Consent;
import dev.tend.contracts.customer.ConsentChanged;
import dev.tend.contracts.customer.CustomerRegistered;
import dev.tend.contracts.customer.CustomerSnapshot;
import dev.tend.contracts.customer.CustomerUpdated;
import dev.tend.contracts.customer.PetDied;
import dev.tend.contracts.customer.PetRegistered;
import dev.tend.contracts.customer.PetSnapshot;
import dev.tend.contracts.customer.PetUpdated;
import dev.tend.contracts.customer.VisitCancelled;
import dev.tend.contracts.customer.VisitCorrected;
import dev.tend.contracts.customer.VisitRecorded;
import dev.tend.contracts.customer.VisitSnapshot;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The care rules as properties: random households (time zones with their DST changes, consents, pets, deaths,
 * rehomings, moves, STOP and START) live through random histories (visits, some stale, some imported, corrections,
 * cancellations) whose events arrive out of order, twice, or again much later; the scheduler fires as time goes
 * by. Whatever happened, these hold:
 * <ul>
 *   <li>nothing is sent or put on the worklist about a deceased or rehomed pet except sympathy and bereavement
 *       touches, and nothing that waits out a bereavement reaches a grieving household;</li>
 *   <li>no SMS or email goes out in the recipient's quiet hours, local time, unless its step says any hour;</li>
 *   <li>nothing goes out on a channel without consent at the moment it fires;</li>
 *   <li>no task fires twice;</li>
 *   <li>nothing is planned from a visit recorded as history;</li>
 *   <li>every cancelled, suppressed, expired or merged task has a reason, and the timeline says it.</li>
 * </ul>
 *
 * <p>The real planning and firing beans run against the real PostgreSQL. Events go in through
 * {@code CustomerEventsConsumer.consume}, the method a Kafka record runs (deduplication included), rather than
 * through the broker: that is what makes 2,000 histories affordable here. {@code CareRulesTest} shows the same
 * rules through Kafka. The application's own scheduler is off in this class (its own profile, so Quarkus starts
 * again for it): the history decides when due tasks fire, through the same {@code TaskFiring.fireDue}, so that each
 * firing can be judged against exactly what the service had been told before it.
 *
 * <p>Households live {@value #WORLD_SIZE} at a time on one clock (a "world"), so that one scheduler pass serves
 * them all. The seed is printed on failure, with the failing household's events; re-run a run with
 * {@code -Dtend.care.seed=...}, one world with {@code -Dtend.care.world-seed=...}, more histories with
 * {@code -Dtend.care.histories=...} (2,000 by default).
 */
@QuarkusTest
@TestProfile(CareInvariantsTest.HistoryFiresDueTasks.class)
@FollowupServiceTestResource
class CareInvariantsTest extends FollowupTestSupport {

    /** Only the history fires due tasks, at the moments it chooses. */
    public static class HistoryFiresDueTasks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tend.followup.scheduler.enabled", "false");
        }
    }

    private static final List<String> ZONES = List.of("Europe/London", "America/New_York", "Australia/Sydney",
            "Pacific/Auckland", "Asia/Kolkata", "America/Los_Angeles", "Europe/Lisbon", "America/Sao_Paulo");
    private static final List<String> VISIT_TYPES = List.of("wellness", "surgery", "treatment", "recheck", "dental");
    private static final Set<String> BEREAVEMENT_TEMPLATES = Set.of("sympathy-card", "bereavement-checkin");
    private static final Set<String> WAITS_OUT_BEREAVEMENT = Set.of("RELATIONSHIP", "FEEDBACK", "BIRTHDAY");
    private static final LocalTime QUIET_START = LocalTime.of(20, 0);
    private static final LocalTime QUIET_END = LocalTime.of(8, 0);
    private static final Duration BEREAVEMENT = Duration.ofDays(30);
    private static final int WORLD_SIZE = 25;

    @Test
    void shouldKeepTheCareInvariantsThroughRandomHistories() {
        String oneWorld = System.getProperty("tend.care.world-seed");
        if (oneWorld != null) {
            runWorld(Long.parseLong(oneWorld), "world seed " + oneWorld);
            return;
        }
        long seed = Long.getLong("tend.care.seed", System.nanoTime());
        int histories = Integer.getInteger("tend.care.histories", 2000);
        Random seeds = new Random(seed);
        long started = System.nanoTime();
        for (int world = 0; world * WORLD_SIZE < histories; world++) {
            long worldSeed = seeds.nextLong();
            runWorld(worldSeed, "world " + world + " of run seed " + seed + " (-Dtend.care.seed=" + seed
                    + ", or that world alone: -Dtend.care.world-seed=" + worldSeed + ")");
        }
        System.out.printf("CareInvariantsTest: %d histories kept every invariant in %d s (seed %d)%n",
                histories, Duration.ofNanos(System.nanoTime() - started).toSeconds(), seed);
    }

    /**
     * {@value #WORLD_SIZE} households live side by side on one clock, so that one pass of the scheduler serves them
     * all; each has its own random history and is judged on its own.
     */
    private void runWorld(long worldSeed, String name) {
        Random random = new Random(worldSeed);
        ZoneId startZone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
        now = start(random, startZone);
        clock.set(now);
        List<History> histories = new ArrayList<>();
        for (int h = 0; h < WORLD_SIZE; h++) {
            // Half the households live in the zone whose DST change the world starts near.
            histories.add(new History(new Random(random.nextLong()), random.nextBoolean() ? startZone.getId() : null));
        }
        histories.forEach(History::begin);
        int steps = 4 + random.nextInt(6);
        for (int s = 0; s < steps; s++) {
            advance(random);
            for (History history : histories) {
                history.step();
            }
            fireAll();
        }
        // Let everything planned come due (the bereavement call is the latest, 42 days on), then judge; later passes
        // pick up what the first moved out of quiet hours or clinic closures.
        for (Duration later : List.of(Duration.ofDays(60), Duration.ofDays(1), Duration.ofDays(3))) {
            now = now.plus(later);
            clock.set(now);
            fireAll();
        }
        List<UUID> customers = histories.stream().map(h -> h.customerId).toList();
        Map<UUID, List<FollowupTask>> tasks = QuarkusTransaction.requiringNew().call(() ->
                FollowupTask.<FollowupTask>list("customerId in ?1", customers)).stream()
                .collect(Collectors.groupingBy(t -> t.customerId));
        Map<UUID, List<TaskEvent>> lines = QuarkusTransaction.requiringNew().call(() ->
                TaskEvent.<TaskEvent>list("customerId in ?1 and taskId is not null order by id", customers)).stream()
                .collect(Collectors.groupingBy(e -> e.taskId));
        Map<UUID, List<Touch>> touches = QuarkusTransaction.requiringNew().call(() ->
                Touch.<Touch>list("customerId in ?1 and taskId is not null", customers)).stream()
                .collect(Collectors.groupingBy(t -> t.customerId));
        for (History history : histories) {
            try {
                history.check(tasks.getOrDefault(history.customerId, List.of()), lines,
                        touches.getOrDefault(history.customerId, List.of()));
            } catch (Throwable failure) {
                throw new AssertionError(name + ", household " + history.customerId + " failed: " + failure.getMessage()
                        + "\nwhat happened (the world fired due tasks after each round of events):\n"
                        + String.join("\n", history.log), failure);
            }
        }
    }

    private Instant now;

    private void fireAll() {
        fireDue();
        // Whatever is delivered next comes after this firing.
        now = now.plusSeconds(1);
        clock.set(now);
    }

    private void advance(Random random) {
        int roll = random.nextInt(10);
        Duration step = roll < 5 ? Duration.ofMinutes(random.nextInt(600)) : roll < 9 ? Duration.ofHours(random.nextInt(72))
                : Duration.ofDays(random.nextInt(40));
        now = now.plus(step);
        clock.set(now);
    }

    private static Instant start(Random random, ZoneId zone) {
        Instant base = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)).atStartOfDay(zone).toInstant();
        if (random.nextInt(4) > 0) {
            // Near a DST change of the zone, when it has one.
            ZoneOffsetTransition transition = zone.getRules().nextTransition(base);
            if (transition != null) {
                base = transition.getInstant().minus(Duration.ofHours(random.nextInt(96)));
            }
        }
        return base.plus(Duration.ofMinutes(random.nextInt(24 * 60)));
    }

    /** What the service was told, and when: the model the invariants are judged against. */
    private record Delivery(Instant at, EventEnvelope envelope) {
    }

    /** What the service knew at one moment, rebuilt from the deliveries before it. */
    private static final class Known {
        long profileVersion = -1;
        String timezone;
        String email;
        String phone;
        final Map<Channel, Consent> consents = new EnumMap<>(Channel.class);
        final Map<UUID, Long> petVersions = new HashMap<>();
        final Map<UUID, String> petStatus = new HashMap<>();
        Instant bereavedUntil;

        void apply(Delivery delivery) {
            EventEnvelope envelope = delivery.envelope();
            switch (envelope.type()) {
                case "CustomerRegistered" -> customer(Events.payload(envelope, CustomerRegistered.class).customer());
                case "CustomerUpdated" -> customer(Events.payload(envelope, CustomerUpdated.class).customer());
                case "ConsentChanged" -> consent(Events.payload(envelope, ConsentChanged.class).consent());
                case "PetRegistered" -> pet(Events.payload(envelope, PetRegistered.class).pet());
                case "PetUpdated" -> pet(Events.payload(envelope, PetUpdated.class).pet());
                case "PetDied" -> {
                    PetSnapshot pet = Events.payload(envelope, PetDied.class).pet();
                    pet(pet);
                    petStatus.put(pet.petId(), "deceased");
                    Instant until = delivery.at().plus(BEREAVEMENT);
                    if (bereavedUntil == null || bereavedUntil.isBefore(until)) {
                        bereavedUntil = until;
                    }
                }
                default -> {
                    // Visits change nothing the invariants judge by.
                }
            }
        }

        private void customer(CustomerSnapshot snapshot) {
            if (snapshot.version() < profileVersion) {
                return;
            }
            profileVersion = snapshot.version();
            timezone = snapshot.timezone();
            email = snapshot.emails().isEmpty() ? null : snapshot.emails().get(0);
            phone = snapshot.phones().isEmpty() ? null : snapshot.phones().get(0);
            snapshot.consents().forEach(this::consent);
        }

        private void consent(Consent consent) {
            Consent known = consents.get(consent.channel());
            if (known == null || !known.changedAt().isAfter(consent.changedAt())) {
                consents.put(consent.channel(), consent);
            }
        }

        private void pet(PetSnapshot pet) {
            Long version = petVersions.get(pet.petId());
            if (version == null || version <= pet.version()) {
                petVersions.put(pet.petId(), pet.version());
                petStatus.put(pet.petId(), pet.status());
            }
        }

        /** Why {@code task} should not have fired now, or null. */
        String violation(FollowupTask task, Instant at) {
            if (!task.fitsBereavement && !BEREAVEMENT_TEMPLATES.contains(task.templateKey)) {
                for (UUID pet : task.pets()) {
                    String status = petStatus.get(pet);
                    if (status != null && !status.equals("active")) {
                        return "about pet " + pet + ", " + status;
                    }
                }
            }
            if (WAITS_OUT_BEREAVEMENT.contains(task.priority) && bereavedUntil != null && at.isBefore(bereavedUntil)) {
                return "a " + task.priority + " touch while the household grieves (until " + bereavedUntil + ")";
            }
            Channel channel = task.channel();
            if ((channel == Channel.SMS || channel == Channel.EMAIL) && !"ANY".equals(task.windowKind)) {
                LocalTime local = at.atZone(ZoneId.of(timezone)).toLocalTime();
                if (!local.isBefore(QUIET_START) || local.isBefore(QUIET_END)) {
                    return channel + " at " + local + " in " + timezone + ", inside quiet hours";
                }
            }
            Consent consent = consents.get(channel);
            boolean refused = consent != null && !consent.granted();
            boolean granted = consent != null && consent.granted();
            if (refused || (!granted && !(task.serviceMessage && channel == Channel.PHONE))) {
                return "on " + channel + " without consent (" + consent + ")";
            }
            boolean contactPoint = switch (channel) {
                case EMAIL -> email != null;
                case SMS, PHONE -> phone != null;
                case POST -> true;
            };
            if (!contactPoint) {
                return "on " + channel + " without a contact point";
            }
            return null;
        }
    }

    /** One household's random life, fed to the service a round at a time; {@link #check} judges the outcome. */
    private final class History {
        final Random random;
        final List<String> log = new ArrayList<>();
        final List<Delivery> deliveries = new ArrayList<>();
        final UUID customerId = UUID.randomUUID();
        final List<PetSnapshot> pets = new ArrayList<>();
        final Map<UUID, String> petFate = new LinkedHashMap<>();
        final List<VisitSnapshot> visits = new ArrayList<>();
        final List<UUID> importedVisits = new ArrayList<>();
        final Map<Channel, Consent> consents = new EnumMap<>(Channel.class);
        final List<Channel> preferred = new ArrayList<>();
        String timezone;
        String email = "ana@example.com";
        String phone = "+447700900123";
        boolean keyClient;
        long version;

        History(Random random, String zone) {
            this.random = random;
            this.timezone = zone != null ? zone : pick(ZONES);
        }

        void begin() {
            for (Channel channel : Channel.values()) {
                if (random.nextInt(10) < 7) {
                    consents.put(channel, new Consent(channel, true, "front desk", now));
                }
            }
            if (random.nextBoolean()) {
                preferred.add(random.nextBoolean() ? Channel.SMS : Channel.EMAIL);
            }
            keyClient = random.nextInt(4) == 0;
            deliver(Events.envelope(new CustomerRegistered(snapshot()), customerId, now, null));
            int petCount = 1 + random.nextInt(3);
            for (int p = 0; p < petCount; p++) {
                PetSnapshot pet = new PetSnapshot(UUID.randomUUID(), customerId, "Pet" + p, random.nextBoolean() ? "dog" : "cat",
                        null, null, "active", null, null, 0);
                pets.add(pet);
                petFate.put(pet.petId(), "active");
                deliver(Events.envelope(new PetRegistered(pet), customerId, now, null));
            }
        }

        void step() {
            int roll = random.nextInt(100);
            if (roll < 34) {
                recordVisit();
            } else if (roll < 42 && !visits.isEmpty()) {
                VisitSnapshot visit = pick(visits);
                VisitSnapshot corrected = new VisitSnapshot(visit.visitId(), customerId, visit.petId(), pick(VISIT_TYPES),
                        visit.reason(), visit.staffMember(), visit.visitedAt(), random.nextBoolean() ? null : visit.recheckDate(),
                        null, null, visit.version() + 1, visit.imported());
                visits.set(visits.indexOf(visit), corrected);
                deliver(Events.envelope(new VisitCorrected(corrected), customerId, now, null));
            } else if (roll < 47 && !visits.isEmpty()) {
                deliver(Events.envelope(new VisitCancelled(pick(visits), "booked in error"), customerId, now, null));
            } else if (roll < 57) {
                departPet(random.nextInt(3) > 0 ? "deceased" : "rehomed");
            } else if (roll < 65) {
                List<String> elsewhere = ZONES.stream().filter(z -> !z.equals(timezone)).toList();
                timezone = pick(elsewhere);
                log("moves to " + timezone);
                updateProfile();
            } else if (roll < 75) {
                Channel channel = random.nextBoolean() ? Channel.SMS : pick(List.of(Channel.values()));
                Consent consent = new Consent(channel, random.nextBoolean(), "customer", now);
                consents.put(channel, consent);
                // STOP and START as the SMS provider reports them: a consent change with its own time.
                deliver(Events.envelope(new ConsentChanged(customerId, consent), customerId, now, null));
            } else if (roll < 80) {
                preferred.clear();
                if (random.nextBoolean()) {
                    preferred.add(pick(List.of(Channel.EMAIL, Channel.SMS, Channel.POST)));
                }
                if (random.nextInt(4) == 0) {
                    email = email == null ? "ana@example.com" : null;
                }
                if (random.nextInt(4) == 0) {
                    phone = phone == null ? "+447700900123" : null;
                }
                updateProfile();
            } else if (roll < 87) {
                // A redelivery: the same event again, its id unchanged.
                Delivery again = pick(deliveries);
                log("redelivers " + again.envelope().type() + " " + again.envelope().eventId());
                consume(again.envelope());
            } else if (roll < 92) {
                // A replay of an old snapshot under a new id, after newer ones: its version says it is old.
                List<Delivery> snapshots = deliveries.stream().filter(d -> Set.of("CustomerRegistered", "CustomerUpdated",
                        "PetRegistered", "PetUpdated").contains(d.envelope().type())).toList();
                EventEnvelope old = pick(snapshots).envelope();
                deliver(new EventEnvelope(UUID.randomUUID(), old.type(), old.schemaVersion(), now, customerId,
                        old.correlationId(), old.data()));
            } else {
                // Quiet: nothing is delivered for this household in this round.
                log("nothing new");
            }
        }

        private void recordVisit() {
            PetSnapshot pet = random.nextInt(5) == 0 ? null : pick(pets);
            int ageRoll = random.nextInt(10);
            Duration age = ageRoll < 6 ? Duration.ofMinutes(random.nextInt(240))
                    : ageRoll < 9 ? Duration.ofHours(random.nextInt(96)) : Duration.ofDays(10 + random.nextInt(30));
            Instant visitedAt = now.minus(age);
            LocalDate recheck = random.nextInt(3) == 0
                    ? visitedAt.atZone(ZoneId.of(timezone)).toLocalDate().plusDays(3 + random.nextInt(18)) : null;
            boolean imported = random.nextInt(8) == 0;
            VisitSnapshot visit = new VisitSnapshot(UUID.randomUUID(), customerId, pet == null ? null : pet.petId(),
                    pick(VISIT_TYPES), "check-up", "Dr. Amy Patel", visitedAt.atZone(ZoneId.of(timezone)).toOffsetDateTime(),
                    recheck, null, null, 0, imported ? Boolean.TRUE : null);
            visits.add(visit);
            if (imported) {
                importedVisits.add(visit.visitId());
            }
            EventEnvelope recorded = Events.envelope(new VisitRecorded(visit), customerId, now, null);
            if (random.nextInt(6) == 0 && !deliveries.isEmpty()) {
                // Out of order: a later event overtakes this one (a practice system catching up).
                departOrMove();
            }
            deliver(recorded);
        }

        private void departOrMove() {
            if (random.nextBoolean()) {
                departPet(random.nextBoolean() ? "deceased" : "rehomed");
            } else {
                timezone = pick(ZONES);
                log("moves to " + timezone);
                updateProfile();
            }
        }

        private void departPet(String fate) {
            List<PetSnapshot> active = pets.stream().filter(p -> petFate.get(p.petId()).equals("active")).toList();
            if (active.isEmpty()) {
                return;
            }
            PetSnapshot pet = pick(active);
            petFate.put(pet.petId(), fate);
            PetSnapshot gone = new PetSnapshot(pet.petId(), customerId, pet.name(), pet.species(), null, null, fate,
                    fate.equals("deceased") ? now.atZone(ZoneId.of(timezone)).toLocalDate() : null, null, 1);
            deliver(fate.equals("deceased") ? Events.envelope(new PetDied(gone), customerId, now, null)
                    : Events.envelope(new PetUpdated(gone), customerId, now, null));
        }

        private void updateProfile() {
            version++;
            deliver(Events.envelope(new CustomerUpdated(snapshot()), customerId, now, null));
        }

        private CustomerSnapshot snapshot() {
            List<Consent> list = List.copyOf(consents.values());
            return new CustomerSnapshot(customerId, "Ana Souza", email == null ? List.of() : List.of(email),
                    phone == null ? List.of() : List.of(phone), CustomerEventFixtures.ADDRESS, timezone, "en-GB",
                    List.copyOf(preferred), list, keyClient ? Set.of("key-client") : Set.of(), version);
        }

        private void deliver(EventEnvelope envelope) {
            deliveries.add(new Delivery(now, envelope));
            log(describe(envelope));
            consume(envelope);
            // Whatever fires next is after this delivery.
            now = now.plusSeconds(1);
            clock.set(now);
        }

        private void consume(EventEnvelope envelope) {
            customerEvents.consume(Events.write(envelope));
        }

        /** Judges the household by its tasks, their timeline lines and the touches that name a task. */
        void check(List<FollowupTask> tasks, Map<UUID, List<TaskEvent>> lines, List<Touch> touches) {
            Known before = new Known();
            List<FollowupTask> fired = tasks.stream().filter(t -> t.firedAt != null)
                    .sorted((a, b) -> a.firedAt.compareTo(b.firedAt)).toList();
            int next = 0;
            for (FollowupTask task : fired) {
                // What the service had been told before the firing (a delivery's instant is always before the next firing's).
                while (next < deliveries.size() && deliveries.get(next).at().isBefore(task.firedAt)) {
                    before.apply(deliveries.get(next));
                    next++;
                }
                String violation = before.violation(task, task.firedAt);
                if (violation != null) {
                    fail(task.templateKey + " task " + task.id + " fired at " + task.firedAt + ": " + violation);
                }
            }
            for (FollowupTask task : tasks) {
                List<TaskEvent> taskLines = lines.getOrDefault(task.id, List.of());
                long firings = taskLines.stream().filter(e -> e.kind.equals("FIRED") || e.kind.equals("ON_WORKLIST")).count();
                assertTrue(firings <= 1, task.templateKey + " task " + task.id + " fired " + firings + " times");
                if (Set.of(FollowupTask.Status.CANCELLED, FollowupTask.Status.SUPPRESSED, FollowupTask.Status.EXPIRED,
                        FollowupTask.Status.MERGED).contains(task.status)) {
                    assertTrue(task.statusReason != null && !task.statusReason.isBlank(), task.templateKey + " " + task.status + " without a reason");
                    assertTrue(taskLines.stream().anyMatch(e -> e.kind.equals(task.status.name()) && e.detail != null && !e.detail.isBlank()),
                            task.templateKey + " " + task.status + " without a timeline line saying why");
                }
                assertTrue(task.visitId == null || !importedVisits.contains(task.visitId),
                        task.templateKey + " planned from a visit recorded as history");
            }
            long distinct = touches.stream().map(t -> t.taskId).distinct().count();
            assertTrue(touches.size() == distinct, "a task touched the household " + touches.size() + " times for "
                    + distinct + " tasks");
        }

        private String describe(EventEnvelope envelope) {
            return envelope.type() + " " + envelope.data();
        }

        private void log(String what) {
            log.add(now + " (" + LocalDateTime.ofInstant(now, ZoneId.of(timezone == null ? "UTC" : timezone)) + " "
                    + timezone + "): " + what);
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }
}
