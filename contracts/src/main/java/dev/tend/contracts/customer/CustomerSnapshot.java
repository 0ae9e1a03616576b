package dev.tend.contracts.customer;

import dev.tend.contracts.Channel;
import dev.tend.contracts.PostalAddress;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A customer as consumers need it to act without calling back. The first email and phone are the
 * primary ones; phones are E.164; {@code timezone} is an IANA zone id; {@code locale} a BCP 47 tag.
 */
public record CustomerSnapshot(
        UUID customerId,
        String name,
        List<String> emails,
        List<String> phones,
        PostalAddress postalAddress,
        String timezone,
        String locale,
        List<Channel> preferredChannels,
        List<Consent> consents,
        Set<String> tags,
        long version) {
}
