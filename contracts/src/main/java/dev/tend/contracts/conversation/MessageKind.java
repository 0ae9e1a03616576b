package dev.tend.contracts.conversation;

/** What a customer's message is. */
public enum MessageKind {
    /** A texted or emailed reply, in the customer's own words. */
    REPLY,
    /** A rating given through a feedback link, with its optional comment as the body. */
    RATING
}
