package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Topics;
import dev.tend.notification.consent.OptOuts;
import dev.tend.testsupport.EventSchemas;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.tend.notification.Fixtures.household;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The consent changes this service asks customer-service for are what the published JSON Schema documents. */
@QuarkusTest
@NotificationServiceTestResource
class ConsentRequestSchemaTest {

    @Inject
    OptOuts optOuts;

    @Test
    void shouldAskForConsentChangesAsTheSchemaDocumentsThem() {
        String phone = "+447911123201";
        String address = "schema-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(address, phone, Channel.EMAIL, Channel.SMS);
        optOuts.smsStop(phone);
        optOuts.smsStart(phone);
        optOuts.unsubscribeEmail(customerId, address);

        List<EventEnvelope> requests = Fixtures.events(Topics.CONSENT_REQUESTS, customerId, found -> found.size() >= 3);
        assertEquals(3, requests.size());
        requests.forEach(request -> EventSchemas.assertConforms(Topics.CONSENT_REQUESTS, request));
    }
}
