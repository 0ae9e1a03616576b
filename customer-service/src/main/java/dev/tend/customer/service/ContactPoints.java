package dev.tend.customer.service;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.tend.customer.CustomerConfig;
import dev.tend.customer.rest.AddressInput;
import dev.tend.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks and normalises what a household is reached by: emails lower-cased and deduplicated, phones to
 * E.164 (libphonenumber, in the address's country unless the number says otherwise), IANA time zones,
 * BCP 47 locales, ISO countries. Each failure names the field.
 */
@ApplicationScoped
public class ContactPoints {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final CustomerConfig config;

    public ContactPoints(CustomerConfig config) {
        this.config = config;
    }

    public List<String> emails(List<String> emails) {
        if (emails == null) {
            return new ArrayList<>();
        }
        return new ArrayList<>(new LinkedHashSet<>(emails.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).toList()));
    }

    public List<String> phones(List<String> phones, AddressInput address) {
        if (phones == null) {
            return new ArrayList<>();
        }
        String region = address != null ? address.country() : config.defaultPhoneRegion();
        LinkedHashSet<String> normalised = new LinkedHashSet<>();
        for (int i = 0; i < phones.size(); i++) {
            normalised.add(e164(phones.get(i), region, "phones[" + i + "]"));
        }
        return new ArrayList<>(normalised);
    }

    /** Normalises one phone number to E.164, or fails naming {@code field}. */
    public static String e164(String phone, String region, String field) {
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(phone, region);
            if (!PHONES.isValidNumber(parsed)) {
                throw ProblemException.invalid(field, "'" + phone + "' is not a valid phone number for " + region);
            }
            return PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw ProblemException.invalid(field, "'" + phone + "' is not a phone number: " + e.getMessage());
        }
    }

    public String timezone(String timezone) {
        try {
            return ZoneId.of(timezone).getId();
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timezone", "'" + timezone + "' is not an IANA time zone such as Europe/Berlin");
        }
    }

    public String locale(String locale) {
        try {
            return new Locale.Builder().setLanguageTag(locale).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw ProblemException.invalid("locale", "'" + locale + "' is not a BCP 47 language tag such as en-GB");
        }
    }

    public void requireKnownCountry(AddressInput address) {
        if (address != null && !COUNTRIES.contains(address.country())) {
            throw ProblemException.invalid("postalAddress.country", "'" + address.country() + "' is not an ISO 3166-1 country code");
        }
    }
}
