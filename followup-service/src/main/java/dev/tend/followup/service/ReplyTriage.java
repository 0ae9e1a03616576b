package dev.tend.followup.service;

import dev.tend.contracts.conversation.CustomerMessageReceived;
import dev.tend.contracts.conversation.MessageKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a customer's message asks of the clinic. A rating (a rating link, or a text such as "4/5") is feedback; any
 * words beyond the rating (a comment, a question, "she's limping again") need a person to read and answer them, so
 * a text that is only a rating ("5", "5 stars", "five") puts nothing on the worklist, while a plain reply always does,
 * even one that is only a picture. Words the clinic configured as urgent make the item urgent.
 */
@ApplicationScoped
public class ReplyTriage {

    /** A rating as customers text it: "5", "4/5", "4 out of 5", "5 stars", "five", "cinco estrelas", "tres de cinco". */
    private static final Pattern RATING = Pattern.compile("(?<![\\p{L}\\p{N}])"
            + "(?:[1-5]|one|two|three|four|five|um|uma|dois|duas|tres|quatro|cinco|uno|dos|cuatro)"
            + "(?:\\s*(?:/|out of|of|de|em)\\s*(?:5|five|cinco))?"
            + "(?:\\s*(?:stars?|estrelas?|estrellas?|pontos?|puntos?))?"
            + "(?![\\p{L}\\p{N}])");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * @param rating      the rating to record as feedback, or null
     * @param needsPerson whether the message goes on the worklist for someone to read and answer
     * @param urgentWords the urgent words it mentions (only for a message that needs a person)
     * @param reason      why, for the timeline
     */
    public record Decision(Integer rating, boolean needsPerson, List<String> urgentWords, String reason) {

        public boolean urgent() {
            return !urgentWords.isEmpty();
        }
    }

    private final UrgentWords urgentWords;

    public ReplyTriage(UrgentWords urgentWords) {
        this.urgentWords = urgentWords;
    }

    public Decision decide(CustomerMessageReceived message) {
        String body = message.body() == null ? "" : message.body();
        boolean words = message.kind() == MessageKind.RATING || message.rating() != null
                ? hasWordsBeyondRating(body, message.kind())
                : true;
        if (!words) {
            return new Decision(message.rating(), false, List.of(), "a rating only: recorded as feedback");
        }
        List<String> urgent = urgentWords.in(body);
        String reason = (message.rating() != null ? "a rating with words beyond it" : "a reply")
                + (urgent.isEmpty() ? "" : "; urgent: mentions " + String.join(", ", urgent));
        return new Decision(message.rating(), true, urgent, reason);
    }

    /** A rating link's body is its comment: any comment is words. A texted rating has words if more than the rating is left. */
    static boolean hasWordsBeyondRating(String body, MessageKind kind) {
        if (kind == MessageKind.RATING) {
            return !body.isBlank();
        }
        String rest = RATING.matcher(UrgentWords.fold(body)).replaceAll(" ");
        return !NOT_A_WORD.matcher(rest).replaceAll("").isEmpty();
    }
}
