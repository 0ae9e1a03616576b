package dev.tend.followup.service;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.MalformedEventException;
import dev.tend.contracts.conversation.CustomerMessageReceived;
import dev.tend.contracts.conversation.InReplyTo;
import dev.tend.contracts.conversation.MessageKind;
import dev.tend.followup.CustomerMessage;
import dev.tend.followup.CustomerProfile;
import dev.tend.followup.FollowupConfig;
import dev.tend.followup.FollowupTask;
import dev.tend.followup.FollowupTask.Kind;
import dev.tend.followup.FollowupTask.Status;
import dev.tend.followup.playbook.PlaybookDefinition.Priority;
import dev.tend.followup.playbook.PlaybookDefinition.Window;
import dev.tend.followup.service.ReplyTriage.Decision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every message a customer writes reaches a person. A reply goes on the worklist at once (within clinic hours),
 * for the replies team, with the thread: what of ours it answers and what they wrote; further replies from the
 * household join the item while it is open. A rating is recorded as feedback, exactly as staff would record it, so
 * a low one starts the complaint loop. Each message is handled once per household, and its words go on the
 * household's timeline (never into a log).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Replies {

    /** The rule and template key of a reply item: not a template anything renders, and no playbook can plan it. */
    public static final String REPLY = "reply";
    /** The most of a message's words the timeline line repeats; the item's thread holds them all. */
    static final int TIMELINE_BODY_CHARS = 500;
    /** A feedback comment's limit, as {@code POST /customers/{id}/feedback} takes it. */
    static final int FEEDBACK_COMMENT_CHARS = 4000;

    private final ReplyTriage triage;
    private final FeedbackService feedback;
    private final ClinicCalendar calendar;
    private final Timeline timeline;
    private final FollowupConfig config;
    private final Clock clock;

    public Replies(ReplyTriage triage, FeedbackService feedback, ClinicCalendar calendar, Timeline timeline,
                   FollowupConfig config, Clock clock) {
        this.triage = triage;
        this.feedback = feedback;
        this.calendar = calendar;
        this.timeline = timeline;
        this.config = config;
        this.clock = clock;
    }

    public void receive(EventEnvelope envelope, CustomerMessageReceived message) {
        requireWellFormed(envelope, message);
        if (CustomerProfile.findById(message.customerId()) == null) {
            throw new MalformedEventException("message " + message.messageId() + " names customer " + message.customerId()
                    + ", of whom no CustomerRegistered event was seen");
        }
        if (CustomerMessage.count("messageId = ?1 and customerId = ?2", message.messageId(), message.customerId()) > 0) {
            return;
        }
        Instant now = clock.instant();
        Instant received = message.receivedAt().isAfter(now) ? now : message.receivedAt();
        Decision decision = triage.decide(message);
        FollowupTask answered = answeredTask(message);

        CustomerMessage stored = new CustomerMessage();
        stored.id = UUID.randomUUID();
        stored.messageId = message.messageId();
        stored.customerId = message.customerId();
        stored.channel = message.channel().name();
        stored.kind = message.kind().name();
        stored.sender = message.from();
        stored.body = message.body() == null ? "" : message.body();
        stored.receivedAt = message.receivedAt();
        stored.sharedWith = message.sharedWithCustomerIds() == null ? List.of() : List.copyOf(message.sharedWithCustomerIds());
        stored.inReplyTo(message.inReplyTo());
        stored.rating = message.rating();
        stored.attachments(message.attachments());
        stored.urgentWords = decision.urgentWords();

        // The line saying what came in goes first; what it led to (an item, feedback, a resolution call) follows it.
        FollowupTask open = decision.needsPerson() ? openItem(message.customerId()) : null;
        FollowupTask item = open != null ? open
                : decision.needsPerson() ? newItem(message, decision, received, envelope.correlationId()) : null;
        timeline.recordForHousehold(message.customerId(), item != null ? item.id : answered != null ? answered.id : null,
                received, Timeline.MESSAGE_RECEIVED, stored.channel, describe(message, stored));
        if (decision.rating() != null) {
            String comment = decision.needsPerson() ? truncate(stored.body.strip(), FEEDBACK_COMMENT_CHARS) : null;
            stored.feedbackId = feedback.record(message.customerId(), answered == null ? null : answered.id,
                    decision.rating(), comment).feedback().id;
        }
        if (open != null) {
            join(open, decision);
        } else if (item != null) {
            item.persist();
            timeline.record(item, Timeline.ON_WORKLIST, "reply for " + item.team + ", due " + item.dueAt
                    + (item.urgent ? "; urgent: mentions " + String.join(", ", decision.urgentWords()) : ""));
        }
        stored.replyTaskId = item == null ? null : item.id;
        stored.persist();
    }

    /** The household's open reply item, which a new message joins rather than stacking another. */
    private static FollowupTask openItem(UUID customerId) {
        // Locked, so that staff completing the item meanwhile either see this message or make it open a new item.
        return FollowupTask.<FollowupTask>find("customerId = ?1 and kind = ?2 and status = ?3 order by createdAt",
                        customerId, Kind.REPLY, Status.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    private void join(FollowupTask open, Decision decision) {
        long waiting = CustomerMessage.count("replyTaskId", open.id) + 1;
        open.statusReason = waiting + " messages waiting; the latest: " + decision.reason();
        if (decision.urgent() && !open.urgent) {
            open.urgent = true;
            timeline.record(open, Timeline.ON_WORKLIST, "now urgent: mentions " + String.join(", ", decision.urgentWords()));
        }
    }

    /** A reply item, due when the message came in, moved into clinic hours, for the replies team. Not yet saved. */
    private FollowupTask newItem(CustomerMessageReceived message, Decision decision, Instant received, String correlationId) {
        Instant now = clock.instant();
        FollowupTask item = new FollowupTask();
        item.id = UUID.randomUUID();
        item.customerId = message.customerId();
        item.kind = Kind.REPLY;
        item.rule = REPLY;
        item.templateKey = REPLY;
        item.channel = message.channel().name();
        item.channels = message.channel().name();
        item.priority = Priority.CLINICAL.name();
        item.priorityRank = Priority.CLINICAL.rank();
        item.windowKind = Window.BUSINESS_HOURS.name();
        // The household wrote to us: answering needs no opt-in.
        item.serviceMessage = true;
        item.team = config.replies().team().orElse(config.clinic().defaultTeam());
        item.urgent = decision.urgent();
        item.status = Status.OPEN;
        item.dueAt = calendar.nextAllowed(received, Window.BUSINESS_HOURS, calendar.clinicZone());
        item.firedAt = now;
        InReplyTo answers = message.inReplyTo();
        item.statusReason = decision.reason() + (answers == null ? ""
                : "; answers the " + (answers.templateKey() != null ? answers.templateKey() + " " : "")
                + answers.channel() + " sent " + answers.sentAt());
        item.correlationId = correlationId;
        item.createdAt = now;
        return item;
    }

    /** The task of ours the message answers, if it is this household's. */
    private static FollowupTask answeredTask(CustomerMessageReceived message) {
        if (message.inReplyTo() == null || message.inReplyTo().taskId() == null) {
            return null;
        }
        FollowupTask task = FollowupTask.findById(message.inReplyTo().taskId());
        return task != null && task.customerId.equals(message.customerId()) ? task : null;
    }

    /** The timeline's line: "SMS reply received: she's limping again". */
    private static String describe(CustomerMessageReceived message, CustomerMessage stored) {
        String channel = message.channel() == Channel.SMS ? "SMS" : "Email";
        String words = truncate(stored.body.strip(), TIMELINE_BODY_CHARS);
        StringBuilder line = new StringBuilder();
        if (message.kind() == MessageKind.RATING) {
            line.append("Rating received: ").append(message.rating()).append("/5").append(words.isEmpty() ? "" : ": " + words);
        } else {
            line.append(channel).append(" reply received: ").append(words);
            if (message.rating() != null) {
                line.append(" (rated ").append(message.rating()).append("/5)");
            }
        }
        if (!stored.attachments().isEmpty()) {
            line.append(" [").append(stored.attachments().size()).append(stored.attachments().size() == 1 ? " attachment]" : " attachments]");
        }
        if (!stored.sharedWith.isEmpty()) {
            line.append(" (the sender is shared with ").append(stored.sharedWith.size())
                    .append(stored.sharedWith.size() == 1 ? " other household)" : " other households)");
        }
        return line.toString();
    }

    private static void requireWellFormed(EventEnvelope envelope, CustomerMessageReceived message) {
        if (message.messageId() == null || message.customerId() == null || message.channel() == null
                || message.kind() == null || message.from() == null || message.receivedAt() == null) {
            throw new MalformedEventException("CustomerMessageReceived lacks one of messageId, customerId, channel, kind, from, receivedAt");
        }
        if (!message.customerId().equals(envelope.customerId())) {
            throw new MalformedEventException("message " + message.messageId() + " is for customer " + message.customerId()
                    + " but its envelope names " + envelope.customerId());
        }
        if (message.channel() != Channel.SMS && message.channel() != Channel.EMAIL) {
            throw new MalformedEventException("message " + message.messageId() + " came on " + message.channel()
                    + ": customers write by SMS or email");
        }
        if (message.rating() != null && (message.rating() < 1 || message.rating() > 5)) {
            throw new MalformedEventException("message " + message.messageId() + " has rating " + message.rating() + ", not 1 to 5");
        }
        if (message.kind() == MessageKind.RATING && message.rating() == null) {
            throw new MalformedEventException("message " + message.messageId() + " is a RATING without a rating");
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
