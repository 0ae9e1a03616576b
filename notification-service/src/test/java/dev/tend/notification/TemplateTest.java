package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.Topics;
import dev.tend.contracts.notification.Recipient;
import dev.tend.infra.CaughtMail;
import dev.tend.testsupport.KafkaTestClient;
import dev.tend.testsupport.MailCatcherResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tend.notification.Fixtures.WAIT;
import static dev.tend.notification.Fixtures.household;
import static dev.tend.notification.Fixtures.request;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@NotificationServiceTestResource
class TemplateTest {

    private static String uniqueKey() {
        return "spring-checkup-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldRejectATemplateThatUsesAVariableNoRequestCarries() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "Hi {customerName}, how is {petNmae} doing?"))
                .when().put("/templates/SMS/" + uniqueKey() + "/default")
                .then().statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("text"))
                .body("detail", containsString("{petNmae}"));
    }

    @Test
    void shouldRejectATemplateThatDoesNotParse() {
        given().contentType(ContentType.JSON)
                .body(Map.of("text", "Hi {#if customerName}"))
                .when().put("/templates/SMS/" + uniqueKey() + "/default")
                .then().statusCode(400).body("field", equalTo("text"));
    }

    @Test
    void shouldPreviewWithSampleDataAndNameWhatIsMissingFromGivenData() {
        given().contentType(ContentType.JSON)
                .body(Map.of("channel", "EMAIL", "templateKey", "visit-thank-you"))
                .when().post("/templates/preview")
                .then().statusCode(200)
                .body("subject", equalTo("Thank you for your visit today"))
                .body("text", containsString("Dear Mia Wong"))
                .body("html", containsString("Dr. Sam Ortiz"));

        given().contentType(ContentType.JSON)
                .body(Map.of("channel", "SMS", "text", "Hi {customerName}, see you on {recheckDate}. {clinicName}",
                        "data", Map.of("customerName", "Mia")))
                .when().post("/templates/preview")
                .then().statusCode(422).body("detail", containsString("{recheckDate}"));
    }

    @Test
    void shouldSendWithATemplateSavedOverRestAndFallBackOnceItIsDeleted() {
        String key = uniqueKey();
        given().contentType(ContentType.JSON)
                .body(Map.of("subject", "Spring check-up for {petName ?: 'your pet'}",
                        "text", "Dear {customerName}, it is time for {petName}'s spring check-up. {clinicSignature}",
                        "html", "<p>Dear {customerName}, it is time for {petName}'s spring check-up.</p>"))
                .when().put("/templates/EMAIL/" + key + "/default")
                .then().statusCode(201).body("source", equalTo("stored"));
        given().when().get("/templates/EMAIL/" + key + "?locale=en-GB").then().statusCode(200)
                .body("locale", equalTo("default"));

        String address = "spring-" + UUID.randomUUID() + "@example.com";
        UUID customerId = household(address, null, Channel.EMAIL);
        KafkaTestClient.send(Topics.NOTIFICATION_REQUESTS, request(customerId, Channel.EMAIL, key,
                new Recipient("Mia Wong", address, null, null, "en-GB", "Europe/London"),
                Map.of("customerName", "Mia Wong", "petName", "Biscuit")));
        await().atMost(WAIT).until(() -> mailTo(address).size() == 1);
        assertEquals("Spring check-up for Biscuit", mailTo(address).get(0).subject());

        given().when().delete("/templates/EMAIL/" + key + "/default").then().statusCode(204);
        given().when().get("/templates/EMAIL/" + key).then().statusCode(404);
    }

    @Test
    void shouldShowInThePreviewThatAnEmojiInANameDoublesTheCostOfAText() {
        Map<String, String> plain = Map.of("customerName", "Mia Wong", "petName", "Biscuit", "recheckDate", "2026-12-03");
        Map<String, String> emoji = Map.of("customerName", "Mia Wong", "petName", "Biscuit \uD83D\uDC36", "recheckDate", "2026-12-03");
        given().contentType(ContentType.JSON)
                .body(Map.of("channel", "SMS", "templateKey", "recheck-reminder", "locale", "en-GB", "data", plain))
                .when().post("/templates/preview")
                .then().statusCode(200).body("segments", equalTo(1))
                .body("text", containsString("Biscuit is due back for a recheck on Thursday 3 December"));
        given().contentType(ContentType.JSON)
                .body(Map.of("channel", "SMS", "templateKey", "recheck-reminder", "locale", "en-GB", "data", emoji))
                .when().post("/templates/preview")
                .then().statusCode(200).body("segments", equalTo(2));
    }

    @Test
    void shouldFallBackFromBrazilianPortugueseToPortugueseToEnglish() {
        given().when().get("/templates/POST/recheck-postcard?locale=pt-BR").then().statusCode(200)
                .body("locale", equalTo("pt"));
        given().when().get("/templates/POST/recheck-postcard?locale=fr-FR").then().statusCode(200)
                .body("locale", equalTo("default"));
        given().contentType(ContentType.JSON)
                .body(Map.of("channel", "POST", "templateKey", "recheck-postcard", "locale", "pt-BR",
                        "data", Map.of("customerName", "João Lima", "petName", "Bella", "recheckDate", "2026-12-03")))
                .when().post("/templates/preview")
                .then().statusCode(200).body("text", containsString("Bella tem consulta de revisão marcada para quinta-feira, 3 de dezembro"));
    }

    private static List<CaughtMail> mailTo(String address) {
        return MailCatcherResource.catcher().messages().stream().filter(m -> m.to().contains(address)).toList();
    }
}
