package dev.tend.console.web;

import dev.tend.console.clients.CustomerClient;
import dev.tend.console.clients.FollowupClient;
import dev.tend.console.clients.FollowupClient.Call;
import dev.tend.console.clients.MessagesClient;
import dev.tend.console.clients.MessagesClient.ConversationEntry;
import dev.tend.console.clients.ServiceProblem;
import dev.tend.console.security.CurrentStaff;
import dev.tend.console.web.InboxView.ReplyItem;
import dev.tend.console.web.InboxView.UnmatchedItem;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The Inbox: each reply waiting, with the household's conversation, answered in place (the answer goes out through
 * notification-service as the signed-in person, then the reply item is completed ANSWERED, the same sequence as the
 * listening journey); and each unmatched message, linked to a household found by a search.
 */
@Path("/inbox")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class InboxResource {

    /** Replies due up to this many days ahead are waiting: outside clinic hours a reply is due at the next opening. */
    static final int REPLIES_AHEAD_DAYS = 7;
    /** The most recent messages of a conversation shown with a reply. */
    static final int THREAD_SIZE = 20;
    static final int UNMATCHED_SHOWN = 50;
    static final int CANDIDATES = 10;
    /** followup-service keeps an outcome's note to 4,000 characters. */
    private static final int NOTE_MAX = 4000;

    private final FollowupClient followup;
    private final MessagesClient messages;
    private final CustomerClient customers;
    private final CurrentStaff staff;
    private final ClinicTime clinic;

    public InboxResource(@RestClient FollowupClient followup, @RestClient MessagesClient messages,
                         @RestClient CustomerClient customers, CurrentStaff staff, ClinicTime clinic) {
        this.followup = followup;
        this.messages = messages;
        this.customers = customers;
        this.staff = staff;
        this.clinic = clinic;
    }

    @GET
    public TemplateInstance page(@RestQuery String team) {
        return Pages.inbox(view(team, null));
    }

    /** The answer goes to the household (on the channel they wrote on unless one is chosen); then the item is ANSWERED. */
    @POST
    @Path("/replies/{taskId}/answer")
    public String answer(@RestPath UUID taskId, @RestForm String body, @RestForm String channel,
                         @RestForm String inReplyTo) {
        Call call = followup.call(taskId);
        if (body == null || body.isBlank()) {
            return refused(call, body, "Write your answer", Map.of("body", "Write your answer"));
        }
        UUID customerId = call.household() == null ? null : call.household().customerId();
        if (customerId == null) {
            return refused(call, body, "This reply has no household to answer", Map.of());
        }
        MessagesClient.Sent sent;
        try {
            sent = messages.answer(customerId, new MessagesClient.Answer(blankToNull(channel), body.strip(), uuid(inReplyTo)));
        } catch (ServiceProblem problem) {
            Map<String, String> errors = problem.fieldErrors().isEmpty() ? Map.of("body", problem.getMessage()) : problem.fieldErrors();
            return refused(call, body, problem.getMessage(), errors);
        }
        String how = "Answered by " + channelInWords(sent.channel()) + (sent.recipient() == null ? "" : " to " + sent.recipient());
        try {
            Call done = followup.complete(taskId, new FollowupClient.Outcome("ANSWERED", note(how, body), staff.getUsername()));
            return Pages.inbox$reply(new ReplyItem(done, List.of(), null, "", how, null, Map.of())).render();
        } catch (ServiceProblem problem) {
            return Pages.inbox$reply(new ReplyItem(call, thread(customerId), null, "", null,
                    how + ", but the reply could not be closed: " + problem.getMessage(), Map.of())).render();
        }
    }

    /** Closed without a written answer: called back, no reply needed (a shared number's other households), a concern. */
    @POST
    @Path("/replies/{taskId}/close")
    public String close(@RestPath UUID taskId, @RestForm String outcome, @RestForm String note) {
        Call call = followup.call(taskId);
        if (outcome == null || outcome.isBlank()) {
            return refused(call, "", "Choose how the reply was dealt with", Map.of("outcome", "Choose how the reply was dealt with"));
        }
        try {
            Call done = followup.complete(taskId, new FollowupClient.Outcome(outcome, blankToNull(note), staff.getUsername()));
            return Pages.inbox$reply(new ReplyItem(done, List.of(), null, "", "Closed: " + TodayResource.outcomeInWords(outcome),
                    null, Map.of())).render();
        } catch (ServiceProblem problem) {
            return refused(call, "", problem.getMessage(), problem.fieldErrors());
        }
    }

    /** Households matching a search, to link an unmatched message to; the whole page without htmx. */
    @GET
    @Path("/unmatched/{id}/households")
    public TemplateInstance candidates(@RestPath UUID id, @RestQuery String q, @HeaderParam("HX-Request") String htmx) {
        UnmatchedItem item = search(id, q);
        if (htmx != null) {
            return Pages.inbox$unmatched(item);
        }
        InboxView view = view(null, item);
        return Pages.inbox(view);
    }

    @POST
    @Path("/unmatched/{id}/link")
    public String link(@RestPath UUID id, @RestForm String customerId) {
        UUID household = uuid(customerId);
        MessagesClient.InboundMessage message = messages.inboundMessage(id);
        if (household == null) {
            return Pages.inbox$unmatched(new UnmatchedItem(message, "", List.of(), false, null, "Choose a household")).render();
        }
        try {
            MessagesClient.InboundMessage linked = messages.link(id, new MessagesClient.Link(household));
            return Pages.inbox$unmatched(new UnmatchedItem(linked, "", List.of(), false,
                    "Linked to " + householdName(household) + ". It is on their replies now.", null)).render();
        } catch (ServiceProblem problem) {
            return Pages.inbox$unmatched(new UnmatchedItem(message, "", List.of(), false, null, problem.getMessage())).render();
        }
    }

    private InboxView view(String team, UnmatchedItem searched) {
        String chosenTeam = team == null || team.isBlank() ? staff.getTeam() : team.trim();
        List<ReplyItem> replies = List.of();
        String repliesProblem = null;
        try {
            List<Call> waiting = WorklistOrder.sort(followup.worklist(clinic.today().plusDays(REPLIES_AHEAD_DAYS), chosenTeam, "REPLY"))
                    .stream().filter(Call::reply).toList();
            Map<UUID, List<ConversationEntry>> threads = Map.of();
            String threadsProblem = null;
            try {
                threads = threads(waiting.stream().map(call -> call.household() == null ? null : call.household().customerId())
                        .filter(Objects::nonNull).distinct().toList());
            } catch (ServiceProblem problem) {
                threadsProblem = problem.getMessage();
            }
            List<ReplyItem> items = new ArrayList<>();
            for (Call call : waiting) {
                items.add(threadsProblem != null ? ReplyItem.open(call, List.of(), threadsProblem)
                        : ReplyItem.open(call, call.household() == null ? List.of()
                                : threads.getOrDefault(call.household().customerId(), List.of()), null));
            }
            replies = items;
        } catch (ServiceProblem problem) {
            repliesProblem = problem.getMessage();
        }
        List<UnmatchedItem> unmatched = List.of();
        String unmatchedProblem = null;
        try {
            unmatched = messages.inbound("UNMATCHED", UNMATCHED_SHOWN).items().stream()
                    .map(m -> searched != null && searched.message().id().equals(m.id()) ? searched : UnmatchedItem.of(m))
                    .toList();
        } catch (ServiceProblem problem) {
            unmatchedProblem = problem.getMessage();
        }
        return new InboxView(chosenTeam, replies, unmatched, repliesProblem, unmatchedProblem);
    }

    private UnmatchedItem search(UUID id, String q) {
        MessagesClient.InboundMessage message = messages.inboundMessage(id);
        if (q == null || q.isBlank()) {
            return new UnmatchedItem(message, "", List.of(), false, null, "Enter a name, email or phone to search for");
        }
        try {
            return new UnmatchedItem(message, q, customers.search(q.trim(), CANDIDATES).items(), true, null, null);
        } catch (ServiceProblem problem) {
            return new UnmatchedItem(message, q, List.of(), true, null, problem.getMessage());
        }
    }

    /** Each household's conversation, oldest first, as a thread reads: one call to notification-service for up to 200. */
    private Map<UUID, List<ConversationEntry>> threads(List<UUID> customerIds) {
        Map<UUID, List<ConversationEntry>> threads = new HashMap<>();
        for (int from = 0; from < customerIds.size(); from += MessagesClient.MOST_HOUSEHOLDS) {
            List<UUID> some = customerIds.subList(from, Math.min(customerIds.size(), from + MessagesClient.MOST_HOUSEHOLDS));
            for (MessagesClient.HouseholdConversation conversation
                    : messages.latest(new MessagesClient.LatestRequest(some, THREAD_SIZE))) {
                List<ConversationEntry> oldestFirst = new ArrayList<>(conversation.items());
                Collections.reverse(oldestFirst);
                threads.put(conversation.customerId(), oldestFirst);
            }
        }
        return threads;
    }

    /** The household's conversation, oldest first, as a thread reads. */
    private List<ConversationEntry> thread(UUID customerId) {
        List<ConversationEntry> newestFirst = new ArrayList<>(messages.conversation(customerId, THREAD_SIZE).items());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private String refused(Call call, String body, String message, Map<String, String> errors) {
        List<ConversationEntry> thread;
        String threadProblem = null;
        try {
            thread = call.household() == null ? List.of() : thread(call.household().customerId());
        } catch (ServiceProblem problem) {
            thread = List.of();
            threadProblem = problem.getMessage();
        }
        return Pages.inbox$reply(new ReplyItem(call, thread, threadProblem, body == null ? "" : body, null, message, errors))
                .render();
    }

    private String householdName(UUID id) {
        try {
            return customers.customer(id).name();
        } catch (ServiceProblem problem) {
            return "the household";
        }
    }

    private static String note(String how, String body) {
        String note = how + ": " + body.strip();
        return note.length() <= NOTE_MAX ? note : note.substring(0, NOTE_MAX - 1) + "…";
    }

    static String channelInWords(String channel) {
        if (channel == null) {
            return "message";
        }
        return switch (channel) {
            case "SMS" -> "text";
            case "EMAIL" -> "email";
            default -> channel.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
