package dev.tend.notification;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tend.contracts.Channel;
import dev.tend.contracts.EventEnvelope;
import dev.tend.contracts.Events;
import dev.tend.contracts.Topics;
import dev.tend.notification.consent.OptOuts;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.tend.notification.Fixtures.household;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consent changes this service asks customer-service for are what the published JSON Schema documents. */
@QuarkusTest
@NotificationServiceTestResource
class ConsentRequestSchemaTest {

    @Inject
    OptOuts optOuts;

    @Test
    void shouldAskForConsentChangesAsTheSchemaDocumentsThem() throws IOException {
        String phone = "+447911123201";
        String address = "schema-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(address, phone, Channel.EMAIL, Channel.SMS);
        optOuts.smsStop(phone);
        optOuts.smsStart(phone);
        optOuts.unsubscribeEmail(customerId, address);

        List<EventEnvelope> requests = Fixtures.events(Topics.CONSENT_REQUESTS, customerId, found -> found.size() >= 3);
        assertEquals(3, requests.size());
        JsonSchema schema;
        try (InputStream in = Events.class.getResourceAsStream("/schemas/tend.consent.requests.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        for (EventEnvelope request : requests) {
            Set<ValidationMessage> errors = schema.validate(Events.mapper().readTree(Events.write(request)));
            assertTrue(errors.isEmpty(), request.type() + " does not match the schema: " + errors);
        }
    }
}
