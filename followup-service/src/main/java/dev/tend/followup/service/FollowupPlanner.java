package dev.tend.followup.service;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.MalformedEventException;
import dev.tend.contracts.customer.VisitSnapshot;
import dev.tend.followup.CustomerProfile;
import dev.tend.followup.FollowupConfig;
import dev.tend.followup.FollowupTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Turns what happened into planned follow-ups. */
@ApplicationScoped
public class FollowupPlanner {

    static final String VISIT_THANK_YOU = "visit-thank-you";

    private final CustomerProfiles profiles;
    private final FollowupConfig config;
    private final Clock clock;

    public FollowupPlanner(CustomerProfiles profiles, FollowupConfig config, Clock clock) {
        this.profiles = profiles;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onVisitRecorded(EventEnvelope envelope, VisitSnapshot visit) {
        CustomerProfile customer = profiles.find(visit.customerId());
        if (customer == null) {
            throw new MalformedEventException("visit " + visit.visitId() + " names customer " + visit.customerId()
                    + ", of whom no CustomerRegistered event was seen");
        }
        Map<String, String> personalisation = new LinkedHashMap<>();
        personalisation.put("customerName", customer.name);
        putIfPresent(personalisation, "visitReason", visit.reason());
        putIfPresent(personalisation, "staffMember", visit.staffMember());

        FollowupTask task = new FollowupTask();
        task.id = UUID.randomUUID();
        task.customerId = visit.customerId();
        task.petId = visit.petId();
        task.visitId = visit.visitId();
        task.rule = VISIT_THANK_YOU;
        task.channel = Channel.EMAIL.name();
        task.templateKey = VISIT_THANK_YOU;
        task.status = FollowupTask.Status.PENDING;
        task.dueAt = visit.visitedAt().toInstant().plus(config.visitThankYouDelay());
        task.personalisation = Events.mapper().valueToTree(personalisation).toString();
        task.correlationId = envelope.correlationId();
        task.createdAt = clock.instant();
        task.persist();
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
