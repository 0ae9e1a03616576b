package dev.tend.notification;

import dev.tend.notification.email.UnsubscribeTokens;
import dev.tend.notification.sms.TwilioSignatures;
import dev.tend.testsupport.AuthenticatedRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every public endpoint is rate-limited per client address and per token (429 problem+json with Retry-After), a
 * source of rejected webhook signatures is refused sooner, and pages and APIs carry the security headers. Each test
 * speaks from addresses of its own (X-Forwarded-For, as behind the proxy a deployment has), so buckets never mix.
 */
@QuarkusTest
@NotificationServiceTestResource
@TestProfile(PublicEndpointLimitsTest.Limited.class)
class PublicEndpointLimitsTest {

    private static final int PER_ADDRESS = 3;
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tend.rate-limit.enabled", "true",
                    "%test.tend.rate-limit.enabled", "true",
                    "tend.rate-limit.per-address-requests", Integer.toString(PER_ADDRESS),
                    "tend.rate-limit.per-address-period", "1h",
                    "tend.rate-limit.per-key-requests", "2",
                    "tend.rate-limit.per-key-period", "1h",
                    "tend.rate-limit.rejected-signature-requests", "2",
                    "tend.rate-limit.rejected-signature-period", "1h",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Inject
    UnsubscribeTokens unsubscribeTokens;

    @Test
    void shouldLimitUnsubscribeLinksPerAddress() {
        assertLimitedPerAddress(from -> from.get("/unsubscribe/" + UUID.randomUUID()));
    }

    @Test
    void shouldLimitRatingLinksPerAddress() {
        assertLimitedPerAddress(from -> from.get("/rate/" + UUID.randomUUID()));
    }

    @Test
    void shouldLimitInboundAttachmentsPerAddress() {
        assertLimitedPerAddress(from -> from.get("/inbound-attachments/" + UUID.randomUUID()));
    }

    @Test
    void shouldLimitTheSmsWebhooksPerAddress() {
        String address = nextAddress();
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertEquals(200, signedText(address).statusCode());
        }
        assertRefused(signedText(address));
    }

    @Test
    void shouldLimitTheInboundMailWebhookPerAddress() {
        String address = nextAddress();
        for (int i = 0; i < PER_ADDRESS; i++) {
            // Signed but not a message: refused for its body (400), which is no rejected signature.
            Response answer = signedMail(address, "not a message");
            assertNotEquals(429, answer.statusCode());
            assertNotEquals(403, answer.statusCode());
        }
        assertRefused(signedMail(address, "not a message"));
    }

    @Test
    void shouldRefuseASourceOfRejectedSignaturesBeforeItsAddressLimit() {
        String forger = nextAddress();
        RequestSpecification from = from(forger).contentType("application/x-www-form-urlencoded")
                .formParam("From", "+447700900123").formParam("Body", "hello").header("X-Twilio-Signature", "forged");
        assertEquals(403, from.post("/webhooks/twilio/inbound").statusCode());
        assertEquals(403, from.post("/webhooks/twilio/inbound").statusCode());
        Response refused = from.post("/webhooks/twilio/inbound");
        assertRefused(refused);
        assertThat(refused.asString(), containsString("rejected signature"));
        // Its correctly signed requests wait too; another source is unaffected.
        assertRefused(signedText(forger));
        assertEquals(200, signedText(nextAddress()).statusCode());
    }

    @Test
    void shouldLimitOneUnsubscribeLinkFromManyAddresses() {
        String link = "/unsubscribe/" + unsubscribeTokens.issue(UUID.randomUUID(), "hammered@example.com");
        assertEquals(200, from(nextAddress()).get(link).statusCode());
        assertEquals(200, from(nextAddress()).get(link).statusCode());
        Response refused = from(nextAddress()).get(link);
        assertRefused(refused);
        assertThat(refused.asString(), containsString("for this link"));
    }

    @Test
    void shouldAnswerBrowsersWithAPageWhenLimited() {
        String address = nextAddress();
        for (int i = 0; i < PER_ADDRESS; i++) {
            from(address).get("/rate/" + UUID.randomUUID());
        }
        Response page = from(address).accept("text/html,application/xhtml+xml").get("/rate/" + UUID.randomUUID());
        assertEquals(429, page.statusCode());
        assertThat(page.contentType(), containsString("text/html"));
        assertThat(page.asString(), containsString("Too many requests"));
        assertTrue(Integer.parseInt(page.header("Retry-After")) > 0);
    }

    @Test
    void shouldServeTheUnsubscribePageWithAStrictPolicyAndNoInlineStyle() {
        Response page = from(nextAddress()).get("/unsubscribe/" + unsubscribeTokens.issue(UUID.randomUUID(), "ana@example.com"));
        assertEquals(200, page.statusCode());
        String csp = page.header("Content-Security-Policy");
        assertThat(csp, containsString("script-src 'self'"));
        assertThat(csp, containsString("style-src 'self'"));
        assertThat(csp, containsString("frame-ancestors 'none'"));
        assertThat(csp, not(containsString("unsafe-inline")));
        assertEquals("same-origin", page.header("Referrer-Policy"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("no-store", page.header("Cache-Control"));
        assertNull(page.header("Strict-Transport-Security"), "HSTS only over TLS");
        assertThat(page.asString(), not(containsString("style=")));
        assertThat(page.asString(), not(containsString("<script")));
        assertThat(page.asString(), containsString("href=\"/pages.css\""));
        assertEquals(200, given().get("/pages.css").statusCode());
    }

    @Test
    void shouldSendHstsWhenTheRequestCameOverTls() {
        Response page = from(nextAddress()).header("X-Forwarded-Proto", "https")
                .get("/unsubscribe/" + unsubscribeTokens.issue(UUID.randomUUID(), "ana@example.com"));
        assertThat(page.header("Strict-Transport-Security"), containsString("max-age=31536000"));
    }

    @Test
    void shouldSendNosniffOnTheJsonApi() {
        Response api = given().header("Authorization", AuthenticatedRequests.bearerWith("staff"))
                .get("/notifications?status=SENT");
        assertEquals(200, api.statusCode());
        assertEquals("nosniff", api.header("X-Content-Type-Options"));
        assertThat(api.header("Content-Security-Policy"), containsString("frame-ancestors 'none'"));
    }

    private static void assertLimitedPerAddress(Function<RequestSpecification, Response> request) {
        String address = nextAddress();
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertNotEquals(429, request.apply(from(address)).statusCode());
        }
        assertRefused(request.apply(from(address)));
        assertNotEquals(429, request.apply(from(nextAddress())).statusCode(), "another address has its own bucket");
    }

    private static void assertRefused(Response response) {
        assertEquals(429, response.statusCode(), response.asString());
        assertThat(response.contentType(), containsString("application/problem+json"));
        assertTrue(Integer.parseInt(response.header("Retry-After")) > 0, response.header("Retry-After"));
        assertThat(response.asString(), containsString("\"status\":429"));
    }

    private static Response signedText(String address) {
        Map<String, String> form = InboundSmsTest.text("+447700900" + (100 + ADDRESSES.get() % 800), "hello there");
        Map<String, List<String>> params = new LinkedHashMap<>();
        form.forEach((name, value) -> params.put(name, List.of(value)));
        String signature = TwilioSignatures.sign(SmsStandInResource.standIn().authToken(),
                "http://localhost:8083/webhooks/twilio/inbound", params);
        return from(address).contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(form)
                .header("X-Twilio-Signature", signature).post("/webhooks/twilio/inbound");
    }

    private static Response signedMail(String address, String body) {
        byte[] raw = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String signature = "sha256=" + java.util.HexFormat.of().formatHex(
                dev.tend.notification.email.Hmac.sha256("test-inbound-mail-key", raw));
        return from(address).contentType("message/rfc822").header("X-Tend-Signature", signature).body(raw)
                .post("/webhooks/email/inbound");
    }

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    private static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51.100." + n;
    }
}
