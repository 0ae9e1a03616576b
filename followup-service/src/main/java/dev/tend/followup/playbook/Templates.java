package dev.tend.followup.playbook;

import dev.tend.contracts.Channel;

import java.util.Map;
import java.util.Set;

/** The template keys notification-service renders (and the calls staff make), with the channels each exists for. */
public final class Templates {

    public static final String VISIT_THANK_YOU = "visit-thank-you";
    public static final String ESCALATION = "escalation";
    public static final String FEEDBACK_RESOLUTION = "feedback-resolution";
    public static final String FEEDBACK_CONFIRMATION = "feedback-confirmation";

    private static final Map<String, Set<Channel>> CHANNELS = Map.ofEntries(
            Map.entry(VISIT_THANK_YOU, Set.of(Channel.EMAIL)),
            Map.entry("surgery-checkin", Set.of(Channel.PHONE)),
            Map.entry("recheck-postcard", Set.of(Channel.POST)),
            Map.entry("recheck-reminder", Set.of(Channel.SMS, Channel.EMAIL)),
            Map.entry("sympathy-card", Set.of(Channel.POST)),
            Map.entry("bereavement-checkin", Set.of(Channel.PHONE)),
            Map.entry("feedback-request", Set.of(Channel.EMAIL, Channel.SMS)),
            Map.entry("relationship-checkin", Set.of(Channel.PHONE)),
            Map.entry("pet-birthday-card", Set.of(Channel.POST)),
            Map.entry(ESCALATION, Set.of(Channel.PHONE)),
            Map.entry(FEEDBACK_RESOLUTION, Set.of(Channel.PHONE)),
            Map.entry(FEEDBACK_CONFIRMATION, Set.of(Channel.PHONE)));

    private Templates() {
    }

    public static boolean isKnown(String key) {
        return CHANNELS.containsKey(key);
    }

    public static Set<Channel> channels(String key) {
        return CHANNELS.getOrDefault(key, Set.of());
    }
}
