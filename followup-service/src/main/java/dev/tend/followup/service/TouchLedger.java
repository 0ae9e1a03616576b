package dev.tend.followup.service;

import dev.tend.contracts.Channel;
import dev.tend.followup.CustomerProfile;
import dev.tend.followup.FollowupTask;
import dev.tend.followup.Touch;
import dev.tend.followup.playbook.PlaybookDefinition.Window;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The touch ledger: every real contact with a household. It caps how often a household is touched, and a
 * real contact (a visit, a call, a card) pushes the next relationship call back by a whole cadence.
 */
@ApplicationScoped
public class TouchLedger {

    private static final List<String> OUTBOUND = List.of(Channel.EMAIL.name(), Channel.SMS.name(), Channel.POST.name(), Channel.PHONE.name());
    private static final List<String> REAL_CONTACT = List.of(Touch.VISIT, Channel.PHONE.name(), Channel.POST.name());

    private final Timeline timeline;
    private final ClinicCalendar calendar;

    public TouchLedger(Timeline timeline, ClinicCalendar calendar) {
        this.timeline = timeline;
        this.calendar = calendar;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID customerId, Instant at, String kind, UUID taskId) {
        Touch touch = new Touch();
        touch.customerId = customerId;
        touch.at = at;
        touch.kind = kind;
        touch.taskId = taskId;
        touch.persist();
        if (REAL_CONTACT.contains(kind)) {
            pushBackCadence(customerId, at, kind);
        }
    }

    /** Outbound touches in the 7 days up to {@code now}, oldest first. */
    public List<Touch> outboundInWeekBefore(UUID customerId, Instant now) {
        return Touch.list("customerId = ?1 and kind in ?2 and at > ?3 and at <= ?4 order by at",
                customerId, OUTBOUND, now.minus(Duration.ofDays(7)), now);
    }

    public Touch lastOfKind(UUID customerId, String kind, Instant since) {
        return Touch.<Touch>find("customerId = ?1 and kind = ?2 and at > ?3 order by at desc", customerId, kind, since)
                .firstResult();
    }

    public Instant lastRealContact(UUID customerId) {
        Touch touch = Touch.<Touch>find("customerId = ?1 and kind in ?2 order by at desc", customerId, REAL_CONTACT).firstResult();
        return touch == null ? null : touch.at;
    }

    private void pushBackCadence(UUID customerId, Instant at, String kind) {
        List<FollowupTask> cadence = FollowupTask.list("customerId = ?1 and status = ?2 and repeatEvery is not null",
                customerId, FollowupTask.Status.PENDING);
        if (cadence.isEmpty()) {
            return;
        }
        CustomerProfile customer = CustomerProfile.findById(customerId);
        for (FollowupTask task : cadence) {
            ZoneId zone = task.isCall() ? calendar.clinicZone() : ZoneId.of(customer.timezone);
            ZonedDateTime current = task.dueAt.atZone(zone);
            ZonedDateTime pushed = ZonedDateTime.of(at.atZone(zone).toLocalDate().plusDays(Integer.parseInt(task.repeatEvery)),
                    current.toLocalTime(), zone);
            Instant due = calendar.nextAllowed(pushed.toInstant(), Window.valueOf(task.windowKind), zone);
            if (due.isAfter(task.dueAt)) {
                task.dueAt = due;
                timeline.record(task, Timeline.DEFERRED, "pushed back by a real contact (" + kind.toLowerCase() + ") on "
                        + DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(zone)));
            }
        }
    }
}
