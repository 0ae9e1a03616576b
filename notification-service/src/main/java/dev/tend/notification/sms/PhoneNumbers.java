package dev.tend.notification.sms;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Locale;
import java.util.Optional;

/** Phone numbers in the one form providers and the consent read model agree on: E.164. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * @param region where a number without a country code is assumed to be; the recipient's locale's country
     *               when it has one, else the configured default
     * @return empty when it is not a valid number
     */
    public static Optional<String> toE164(String raw, String locale, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String region = defaultRegion;
        if (locale != null && !Locale.forLanguageTag(locale).getCountry().isEmpty()) {
            region = Locale.forLanguageTag(locale).getCountry();
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, region.toUpperCase(Locale.ROOT));
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
