package dev.tend.followup.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.tend.contracts.Channel;
import dev.tend.contracts.Events;
import dev.tend.contracts.PostalAddress;
import dev.tend.contracts.customer.Consent;
import dev.tend.contracts.customer.CustomerSnapshot;
import dev.tend.contracts.customer.PetSnapshot;
import dev.tend.contracts.customer.VisitSnapshot;
import dev.tend.followup.CustomerProfile;
import dev.tend.followup.Pet;
import dev.tend.followup.Visit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Keeps the local copy of each household (contact points, consent, tags, pets, visits), newest version wins. */
@ApplicationScoped
public class CustomerProfiles {

    private static final TypeReference<Map<String, ConsentState>> CONSENTS = new TypeReference<>() {
    };

    /** The latest consent on one channel. */
    public record ConsentState(boolean granted, Instant changedAt) {
    }

    /** What decides when and how a household can be reached; a change to any of it re-plans its pending tasks. */
    public record Reachability(String timezone, String email, String phone, String postalAddress, String preferredChannels,
                               Map<String, Boolean> consents) {

        public static Reachability of(CustomerProfile profile) {
            Map<String, Boolean> granted = new TreeMap<>();
            CustomerProfiles.consents(profile).forEach((channel, state) -> granted.put(channel, state.granted()));
            return new Reachability(profile.timezone, profile.email, profile.phone, profile.postalAddress,
                    profile.preferredChannels == null ? "" : profile.preferredChannels, granted);
        }

        /** What changed from this to {@code now}, in words for the timeline; empty when nothing did. */
        public List<String> changesTo(Reachability now) {
            List<String> changes = new ArrayList<>();
            if (!Objects.equals(timezone, now.timezone)) {
                changes.add("moved from " + timezone + " to " + now.timezone);
            }
            if (!Objects.equals(email, now.email)) {
                changes.add(now.email == null ? "email address removed" : "email address changed");
            }
            if (!Objects.equals(phone, now.phone)) {
                changes.add(now.phone == null ? "phone number removed" : "phone number changed");
            }
            if (!Objects.equals(postalAddress, now.postalAddress)) {
                changes.add(now.postalAddress == null ? "postal address removed" : "postal address changed");
            }
            if (!Objects.equals(preferredChannels, now.preferredChannels)) {
                changes.add("preferred channels [" + preferredChannels + "] -> [" + now.preferredChannels + "]");
            }
            Set<String> channels = new TreeSet<>(consents.keySet());
            channels.addAll(now.consents.keySet());
            for (String channel : channels) {
                Boolean was = consents.get(channel);
                Boolean is = now.consents.get(channel);
                if (!Objects.equals(was, is)) {
                    changes.add("consent to " + channel + (Boolean.TRUE.equals(is) ? " granted" : " withdrawn"));
                }
            }
            return changes;
        }
    }

    /** @return false when the snapshot is older than what is known */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(CustomerSnapshot snapshot) {
        CustomerProfile profile = CustomerProfile.findById(snapshot.customerId());
        if (profile == null) {
            profile = new CustomerProfile();
            profile.customerId = snapshot.customerId();
        } else if (profile.version > snapshot.version()) {
            return false;
        }
        profile.name = snapshot.name();
        profile.email = first(snapshot.emails());
        profile.phone = first(snapshot.phones());
        profile.postalAddress = snapshot.postalAddress() == null ? null : write(snapshot.postalAddress());
        profile.timezone = snapshot.timezone();
        profile.locale = snapshot.locale();
        profile.preferredChannels = snapshot.preferredChannels() == null ? ""
                : snapshot.preferredChannels().stream().map(Channel::name).collect(Collectors.joining(","));
        // Per channel the newest decision wins, whichever event carried it: a snapshot taken before a STOP that
        // arrives after it (a redelivery, a replay) does not grant the channel again.
        Map<String, ConsentState> consents = profile.consents == null ? new LinkedHashMap<>() : consents(profile);
        if (snapshot.consents() != null) {
            for (Consent consent : snapshot.consents()) {
                ConsentState known = consents.get(consent.channel().name());
                if (known == null || !newer(known, consent)) {
                    consents.put(consent.channel().name(), new ConsentState(consent.granted(), consent.changedAt()));
                }
            }
        }
        profile.consents = write(consents);
        profile.tags = snapshot.tags() == null ? "" : String.join(",", snapshot.tags().stream().sorted().toList());
        profile.version = snapshot.version();
        profile.persist();
        return true;
    }

    /** @return false when a newer consent on that channel is already known */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(CustomerProfile profile, Consent consent) {
        Map<String, ConsentState> consents = consents(profile);
        ConsentState known = consents.get(consent.channel().name());
        if (known != null && newer(known, consent)) {
            return false;
        }
        consents.put(consent.channel().name(), new ConsentState(consent.granted(), consent.changedAt()));
        profile.consents = write(consents);
        return true;
    }

    private static boolean newer(ConsentState known, Consent consent) {
        return known.changedAt() != null && consent.changedAt() != null && known.changedAt().isAfter(consent.changedAt());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Pet apply(PetSnapshot snapshot) {
        Pet pet = Pet.findById(snapshot.petId());
        if (pet == null) {
            pet = new Pet();
            pet.petId = snapshot.petId();
        } else if (pet.version > snapshot.version()) {
            return pet;
        }
        pet.customerId = snapshot.customerId();
        pet.name = snapshot.name();
        pet.species = snapshot.species();
        pet.sex = snapshot.sex();
        pet.breed = snapshot.breed();
        pet.birthDate = snapshot.birthDate();
        pet.status = snapshot.status() == null ? Pet.ACTIVE : snapshot.status();
        pet.diedOn = snapshot.diedOn();
        pet.photoUrl = snapshot.photoUrl();
        pet.version = snapshot.version();
        pet.persist();
        return pet;
    }

    /** @return the visit as now known, or empty when the snapshot is older than what is known */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Visit> apply(VisitSnapshot snapshot, boolean cancelled) {
        Visit visit = Visit.findById(snapshot.visitId());
        if (visit == null) {
            visit = new Visit();
            visit.visitId = snapshot.visitId();
        } else if (visit.version > snapshot.version() || (visit.cancelled && !cancelled)) {
            return Optional.empty();
        }
        visit.customerId = snapshot.customerId();
        visit.petId = snapshot.petId();
        visit.visitType = snapshot.visitType();
        visit.reason = snapshot.reason();
        visit.staffMember = snapshot.staffMember();
        visit.visitedAt = snapshot.visitedAt().toInstant();
        visit.recheckDate = snapshot.recheckDate();
        visit.outcome = snapshot.outcome();
        visit.notes = snapshot.notes();
        visit.cancelled = cancelled;
        visit.imported = visit.imported || snapshot.asHistory();
        visit.version = snapshot.version();
        visit.persist();
        return Optional.of(visit);
    }

    public CustomerProfile find(UUID customerId) {
        return CustomerProfile.findById(customerId);
    }

    public static Set<String> tags(CustomerProfile profile) {
        return profile.tags == null || profile.tags.isBlank() ? Set.of() : Set.of(profile.tags.split(","));
    }

    public static Map<String, ConsentState> consents(CustomerProfile profile) {
        try {
            return new LinkedHashMap<>(Events.mapper().readValue(profile.consents, CONSENTS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Customer " + profile.customerId + " holds unreadable consents", e);
        }
    }

    public static PostalAddress postalAddress(CustomerProfile profile) {
        try {
            return profile.postalAddress == null ? null : Events.mapper().readValue(profile.postalAddress, PostalAddress.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Customer " + profile.customerId + " holds an unreadable address", e);
        }
    }

    /**
     * Why {@code channel} cannot reach the household, or null when it can. Consent is explicit opt-in; a
     * service message (about care just given) only needs the channel not to have been refused.
     */
    public static String unusable(CustomerProfile profile, Channel channel, boolean serviceMessage) {
        boolean contactPoint = switch (channel) {
            case EMAIL -> profile.email != null;
            case SMS, PHONE -> profile.phone != null;
            case POST -> profile.postalAddress != null;
        };
        if (!contactPoint) {
            return "no " + switch (channel) {
                case EMAIL -> "email address";
                case SMS, PHONE -> "phone number";
                case POST -> "postal address";
            } + " on file";
        }
        ConsentState consent = consents(profile).get(channel.name());
        if (consent != null && !consent.granted()) {
            return "consent to " + channel + " withdrawn";
        }
        // A care call by staff about treatment just given needs only not to have been refused; anything sent
        // (email, SMS, post) needs explicit consent, as notification-service also checks before sending.
        if (consent == null && !(serviceMessage && channel == Channel.PHONE)) {
            return "no consent to " + channel;
        }
        return null;
    }

    /** The step's channels, the household's preferred ones first, each otherwise in the step's order. */
    public static List<Channel> inPreferenceOrder(CustomerProfile profile, List<Channel> channels) {
        List<String> preferred = profile.preferredChannels == null || profile.preferredChannels.isBlank()
                ? List.of() : Arrays.asList(profile.preferredChannels.split(","));
        return channels.stream()
                .sorted(Comparator.comparingInt(c -> preferred.contains(c.name()) ? preferred.indexOf(c.name()) : preferred.size()))
                .toList();
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String write(Object value) {
        try {
            return Events.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
