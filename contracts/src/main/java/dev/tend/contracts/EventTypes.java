package dev.tend.contracts;

import dev.tend.contracts.conversation.CustomerMessageReceived;
import dev.tend.contracts.customer.ConsentChangeRequested;
import dev.tend.contracts.customer.ConsentChanged;
import dev.tend.contracts.customer.CustomerErased;
import dev.tend.contracts.customer.CustomerRegistered;
import dev.tend.contracts.customer.CustomerUpdated;
import dev.tend.contracts.customer.PetDied;
import dev.tend.contracts.customer.PetRegistered;
import dev.tend.contracts.customer.PetUpdated;
import dev.tend.contracts.customer.VisitCancelled;
import dev.tend.contracts.customer.VisitCorrected;
import dev.tend.contracts.customer.VisitRecorded;
import dev.tend.contracts.notification.NotificationRequested;
import dev.tend.contracts.notification.NotificationStatusChanged;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type in the contract. A consumer may ignore a known type it has no use for; a type that is
 * not here at all is a record nobody can process, and is dead-lettered.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends EventPayload>> BY_NAME = List.<Class<? extends EventPayload>>of(
                    CustomerRegistered.class, CustomerUpdated.class, ConsentChanged.class, CustomerErased.class,
                    PetRegistered.class, PetUpdated.class, PetDied.class,
                    VisitRecorded.class, VisitCorrected.class, VisitCancelled.class,
                    ConsentChangeRequested.class,
                    NotificationRequested.class, NotificationStatusChanged.class,
                    CustomerMessageReceived.class)
            .stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    public static Map<String, Class<? extends EventPayload>> all() {
        return BY_NAME;
    }

    public static boolean isKnown(String type) {
        return BY_NAME.containsKey(type);
    }

    /** @throws MalformedEventException for a type outside the contract */
    public static void requireKnown(EventEnvelope envelope) {
        if (!isKnown(envelope.type())) {
            throw new MalformedEventException("unknown event type '" + envelope.type() + "'");
        }
    }
}
