package dev.tend.notification.service;

import java.util.List;

/** Talks to one channel's provider. Called from the dispatcher's own thread, never inside a transaction. */
public interface ChannelSender {

    String channel();

    Outcome send(Attempt attempt);

    /**
     * After an attempt whose outcome was never learned: the provider ids of messages that match it (usually one, if it went out),
     * none if it certainly did not.
     *
     * @throws UnsupportedOperationException when the provider cannot be asked (SMTP), so the message is sent
     *                                       again in a way the receiving side can recognise as a duplicate
     * @throws RuntimeException              when the provider could not be asked just now
     */
    List<String> findSent(Attempt attempt);
}
