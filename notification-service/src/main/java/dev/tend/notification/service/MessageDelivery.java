package dev.tend.notification.service;

import dev.tend.contracts.Channel;
import dev.tend.contracts.notification.DeliveryStatus;
import dev.tend.notification.Notification;
import dev.tend.notification.NotificationConfig;
import dev.tend.notification.consent.Suppressions;
import dev.tend.platform.observability.Traces;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends due emails and SMS, each at most once per notification id. An attempt is recorded (and committed) before
 * the provider is called, and its outcome is recorded after, in a second transaction: a crash, a timeout or a
 * lost answer in between leaves the row {@code SENDING}, and whoever finds it later asks the provider whether it
 * went out before sending it again. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances
 * never attempt the same message at once. Transient failures are retried with exponential backoff and jitter,
 * remembered in the row so a restart does not forget them.
 */
@ApplicationScoped
public class MessageDelivery {

    private static final Logger LOG = Logger.getLogger(MessageDelivery.class);
    /** The provider call's span name, by channel. */
    private static final Map<String, String> PROVIDER_CALLS = Map.of(
            Channel.EMAIL.name(), "smtp send",
            Channel.SMS.name(), "sms api send");

    private record Claim(int claimed, List<Attempt> attempts) {
    }

    private final EntityManager entityManager;
    private final SendPolicy policy;
    private final StatusEvents statusEvents;
    private final Suppressions suppressions;
    private final DeliveryMetrics metrics;
    private final NotificationConfig config;
    private final Clock clock;
    private final Traces traces;
    private final Map<String, ChannelSender> senders = new HashMap<>();

    public MessageDelivery(EntityManager entityManager, SendPolicy policy, StatusEvents statusEvents,
                           Suppressions suppressions, DeliveryMetrics metrics, NotificationConfig config, Clock clock,
                           Instance<ChannelSender> senders, Traces traces) {
        this.entityManager = entityManager;
        this.policy = policy;
        this.statusEvents = statusEvents;
        this.suppressions = suppressions;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
        this.traces = traces;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
    }

    /** @return how many messages were claimed */
    public int deliverDue() {
        Claim claim = QuarkusTransaction.requiringNew().call(this::claim);
        for (Attempt attempt : claim.attempts()) {
            if (!QuarkusTransaction.requiringNew().call(() -> renew(attempt))) {
                // The batch took longer than the in-flight timeout and another dispatcher has taken this one over
                // (and reconciles it): sending it here too could send it twice.
                continue;
            }
            try (Traces.Resumed ignored = traces.resume("notification deliver", attempt.trace(), SpanKind.INTERNAL)) {
                Outcome outcome = attempt(attempt);
                QuarkusTransaction.requiringNew().run(() -> settle(attempt, outcome));
            }
        }
        return claim.claimed();
    }

    private Claim claim() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Notification> due = entityManager.createNativeQuery("""
                        SELECT * FROM notification
                        WHERE status IN ('PENDING', 'SENDING') AND channel IN ('EMAIL', 'SMS') AND next_attempt_at <= :now
                        ORDER BY next_attempt_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", Notification.class)
                .setParameter("now", now)
                .setParameter("limit", config.dispatcher().batchSize())
                .getResultList();
        List<Attempt> attempts = new ArrayList<>();
        for (Notification notification : due) {
            SendPolicy.Verdict verdict = policy.check(notification, now);
            if (verdict.waitForCustomer()) {
                notification.nextAttemptAt = now.plus(config.dispatcher().firstRetryDelay());
                continue;
            }
            if (verdict.suppressReason().isPresent()) {
                notification.attemptStartedAt = null;
                statusEvents.suppress(notification, verdict.suppressReason().get());
                continue;
            }
            boolean reconciling = Notification.SENDING.equals(notification.status);
            notification.status = Notification.SENDING;
            notification.attempts++;
            notification.attemptStartedAt = now;
            notification.nextAttemptAt = now.plus(config.dispatcher().inFlightTimeout());
            attempts.add(new Attempt(notification.id, notification.channel, notification.customerId,
                    notification.recipient, notification.subject, notification.bodyText, notification.bodyHtml,
                    notification.attempts, reconciling, notification.trace()));
        }
        return new Claim(due.size(), attempts);
    }

    /**
     * Restarts the in-flight time of a claimed attempt just before its provider call, so it runs from the call, not
     * from the claim of the whole batch, which is sent one message after another.
     *
     * @return false when the attempt is no longer ours
     */
    private boolean renew(Attempt attempt) {
        Instant now = clock.instant();
        return entityManager.createNativeQuery("""
                        UPDATE notification SET attempt_started_at = :now, next_attempt_at = :due
                        WHERE id = :id AND status = 'SENDING' AND attempts = :attempts""")
                .setParameter("now", now)
                .setParameter("due", now.plus(config.dispatcher().inFlightTimeout()))
                .setParameter("id", attempt.notificationId())
                .setParameter("attempts", attempt.number())
                .executeUpdate() == 1;
    }

    private Outcome attempt(Attempt attempt) {
        ChannelSender sender = senders.get(attempt.channel());
        if (attempt.reconciling()) {
            try {
                List<String> candidates = sender.findSent(attempt);
                for (String candidate : candidates) {
                    if (!QuarkusTransaction.requiringNew().call(() -> isRecordedElsewhere(candidate, attempt))) {
                        metrics.reconciled(attempt.channel(), "found");
                        return new Outcome.Sent(candidate, null);
                    }
                }
                metrics.reconciled(attempt.channel(), "resent");
            } catch (UnsupportedOperationException e) {
                metrics.reconciled(attempt.channel(), "resent");
            } catch (RuntimeException e) {
                return new Outcome.Ambiguous("the provider could not be asked whether it was sent: " + e.getMessage());
            }
        }
        long started = System.nanoTime();
        Outcome outcome;
        try (Traces.Resumed call = traces.child(PROVIDER_CALLS.getOrDefault(attempt.channel(), "provider send"),
                SpanKind.CLIENT)) {
            call.span().setAttribute("tend.notification.id", attempt.notificationId().toString());
            call.span().setAttribute("tend.notification.attempt", attempt.number());
            try {
                outcome = sender.send(attempt);
            } catch (RuntimeException e) {
                call.failed(e);
                outcome = new Outcome.Ambiguous(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            call.span().setAttribute("tend.outcome", outcome.getClass().getSimpleName());
        }
        metrics.providerCall(attempt.channel(), outcome.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT),
                Duration.ofNanos(System.nanoTime() - started));
        return outcome;
    }

    private boolean isRecordedElsewhere(String providerMessageId, Attempt attempt) {
        return Notification.count("providerMessageId = ?1 and id <> ?2", providerMessageId, attempt.notificationId()) > 0;
    }

    private void settle(Attempt attempt, Outcome outcome) {
        Notification notification = Notification.findById(attempt.notificationId(), LockModeType.PESSIMISTIC_WRITE);
        if (notification == null || !Notification.SENDING.equals(notification.status)
                || notification.attempts != attempt.number()) {
            // Another instance took over after our in-flight time ran out, and reconciles it.
            return;
        }
        notification.attemptStartedAt = null;
        if (outcome instanceof Outcome.Sent sent) {
            notification.providerMessageId = sent.providerMessageId();
            if (sent.segments() != null) {
                notification.segments = sent.segments();
            }
            statusEvents.change(notification, DeliveryStatus.SENT, null, false);
        } else if (outcome instanceof Outcome.Transient failure) {
            retryOrFail(notification, failure.reason(), Notification.PENDING, Duration.ZERO);
        } else if (outcome instanceof Outcome.Ambiguous unknown) {
            metrics.ambiguous(notification.channel);
            // The provider may still be working on the request we stopped waiting for (a slow provider, a busy mail
            // server): asking it back too soon would find nothing and send again. So reconcile no sooner than an
            // attempt may take (the in-flight timeout).
            retryOrFail(notification, "outcome unknown, to be reconciled before any resend: " + unknown.reason(),
                    Notification.SENDING, config.dispatcher().inFlightTimeout());
        } else if (outcome instanceof Outcome.Permanent failure) {
            if (failure.suppression() != null) {
                suppressions.suppress(Channel.valueOf(notification.channel), notification.recipient,
                        failure.suppression(), clock.instant());
            }
            statusEvents.fail(notification, failure.reason());
        }
    }

    private void retryOrFail(Notification notification, String reason, String status, Duration atLeast) {
        if (notification.attempts >= config.dispatcher().maxAttempts()) {
            statusEvents.fail(notification, reason + " (gave up after " + notification.attempts + " attempts)");
            return;
        }
        Duration backoff = backoff(notification.attempts);
        Duration delay = backoff.compareTo(atLeast) < 0 ? atLeast : backoff;
        notification.status = status;
        notification.statusReason = reason;
        notification.nextAttemptAt = clock.instant().plus(delay);
        metrics.retry(notification.channel);
        LOG.warnf("%s %s failed (attempt %d), next try in %d s: %s", notification.channel, notification.id,
                notification.attempts, delay.toSeconds(), reason);
    }

    /** Exponential, capped, with jitter so many retries after an outage do not arrive at once. */
    private Duration backoff(int attempts) {
        long first = config.dispatcher().firstRetryDelay().toMillis();
        long cap = config.dispatcher().maxRetryDelay().toMillis();
        long exponential = Math.min(cap, first << Math.min(attempts - 1, 20));
        return Duration.ofMillis(first / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, exponential - first / 2)));
    }
}
