package dev.tend.notification.sms;

import dev.tend.contracts.Channel;
import dev.tend.notification.Notification;
import dev.tend.notification.NotificationConfig;
import dev.tend.notification.template.Formats;
import dev.tend.notification.template.FixedWords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Locale;
import java.util.Map;

/**
 * The answers to START and HELP, in the language of the household the number belongs to: the language of the
 * last text we sent it (a number we never texted gets English).
 */
@ApplicationScoped
public class SmsReplies {

    private final NotificationConfig config;

    public SmsReplies(NotificationConfig config) {
        this.config = config;
    }

    @Transactional
    public String started(String from) {
        return FixedWords.get(language(from), FixedWords.SMS_STARTED, Map.of("clinic", config.clinic().name()));
    }

    @Transactional
    public String help(String from) {
        Locale language = language(from);
        String country = language.getCountry().isEmpty() ? null : language.getCountry();
        return FixedWords.get(language, FixedWords.SMS_HELP, Map.of("clinic", config.clinic().name(),
                "phone", Formats.phone(config.clinic().phone(), country, false)));
    }

    private static Locale language(String from) {
        Notification last = Notification.<Notification>find("channel = ?1 and recipient = ?2 order by createdAt desc",
                Channel.SMS.name(), from).firstResult();
        return last == null || last.locale == null || last.locale.isBlank()
                ? Locale.ENGLISH : Locale.forLanguageTag(last.locale);
    }
}
