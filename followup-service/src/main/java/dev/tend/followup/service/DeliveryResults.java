package dev.tend.followup.service;

import dev.tend.contracts.notification.DeliveryStatus;
import dev.tend.contracts.notification.NotificationStatusChanged;
import dev.tend.followup.CustomerProfile;
import dev.tend.followup.FollowupTask;
import dev.tend.followup.FollowupTask.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What notification-service reports about a fired message. A permanent failure (a bounced address, a
 * number that cannot take SMS) sends the task again on the next usable channel it allows.
 */
@ApplicationScoped
public class DeliveryResults {

    private final TaskFiring firing;
    private final Timeline timeline;
    private final Clock clock;

    public DeliveryResults(TaskFiring firing, Timeline timeline, Clock clock) {
        this.firing = firing;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(NotificationStatusChanged status) {
        FollowupTask task = status.taskId() == null ? null : FollowupTask.findById(status.taskId());
        // A late report about an earlier attempt says nothing about the current one.
        if (task == null || (task.notificationId != null && !task.notificationId.equals(status.notificationId()))) {
            return;
        }
        task.deliveryStatus = status.status().name();
        if (status.reason() != null) {
            task.statusReason = status.reason();
        }
        timeline.record(task, Timeline.DELIVERY, status.status() + (status.reason() == null ? "" : ": " + status.reason())
                + (status.permanent() ? " (permanent)" : ""));
        boolean failed = status.status() == DeliveryStatus.FAILED || status.status() == DeliveryStatus.SUPPRESSED;
        if (failed && status.permanent() && task.status == Status.FIRED) {
            fallBack(task);
        }
    }

    private void fallBack(FollowupTask task) {
        List<String> failed = new ArrayList<>(task.failedChannels().stream().map(Enum::name).toList());
        if (!failed.contains(task.channel)) {
            failed.add(task.channel);
        }
        task.failedChannels = String.join(",", failed);
        String problem = firing.chooseChannel(task, CustomerProfile.findById(task.customerId));
        if (problem != null) {
            timeline.record(task, Timeline.SUPPRESSED, "no fallback: " + problem);
            return;
        }
        task.status = Status.PENDING;
        task.dueAt = clock.instant();
    }
}
