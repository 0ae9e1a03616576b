package dev.tend.console.web;

import dev.tend.console.clients.CustomerClient;
import dev.tend.console.clients.FollowupClient.Call;
import dev.tend.console.clients.MessagesClient.ConversationEntry;
import dev.tend.console.clients.MessagesClient.InboundMessage;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The Inbox: replies waiting for an answer, and messages from numbers or addresses no household has. */
public record InboxView(String team, List<ReplyItem> replies, List<UnmatchedItem> unmatched, String repliesProblem,
                        String unmatchedProblem) {

    public long urgent() {
        return replies.stream().filter(r -> r.call().urgent()).count();
    }

    /**
     * One reply waiting, with the household's conversation (oldest first), the answer as typed and the service's
     * messages per field when sending was refused, or what was done with it.
     */
    public record ReplyItem(Call call, List<ConversationEntry> thread, String threadProblem, String body, String done,
                            String message, Map<String, String> errors) {

        public static ReplyItem open(Call call, List<ConversationEntry> thread, String threadProblem) {
            return new ReplyItem(call, thread, threadProblem, "", null, null, Map.of());
        }

        /** The last thing they wrote: what the answer answers (the service sends it back to that number or address). */
        public UUID answering() {
            for (int i = thread.size() - 1; i >= 0; i--) {
                if (!thread.get(i).ours()) {
                    return thread.get(i).id();
                }
            }
            return null;
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasError(String field) {
            return errors.containsKey(field);
        }
    }

    /** A message no household claimed, with the households found for it by a search, or the household it was linked to. */
    public record UnmatchedItem(InboundMessage message, String q, List<CustomerClient.Customer> candidates, boolean searched,
                                String done, String problem) {

        public static UnmatchedItem of(InboundMessage message) {
            return new UnmatchedItem(message, "", List.of(), false, null, null);
        }
    }
}
