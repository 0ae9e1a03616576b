package dev.tend.systemtests.console;

import dev.tend.infra.CaughtMail;
import dev.tend.infra.DevTokens;
import dev.tend.infra.TendSystem;
import dev.tend.systemtests.console.Pages.SignInPage;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.NoAlertPresentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A catalogue of XSS payloads placed where people and their clients write: customer names, pet names, visit notes,
 * staff names, texted replies (through the provider's signed webhook) and feedback comments; then every console page
 * that shows them, every email actually sent, and every email template rendered with them, in real headless
 * Chromium. Each payload would set {@code window.__xss} or open an alert if it ran, and carries the marker attribute
 * {@code data-xss} on any element it would inject: the check is that nothing ran and no such element exists.
 */
class XssCatalogueIT {

    private static final Path ROOT = Path.of(System.getProperty("tend.project.root", "..")).toAbsolutePath().normalize();
    private static final Path FAILURES = ROOT.resolve("system-tests/target/xss-screenshots");

    /** Script tags, event handlers, javascript: URLs, attribute break-outs, SVG, template syntax, unicode tricks. */
    static final List<String> PAYLOADS = List.of(
            "<script data-xss>window.__xss=1</script>",
            "<img src=x onerror=\"window.__xss=1\" data-xss>",
            "\"><svg data-xss onload=\"window.__xss=1\">",
            "'><img data-xss src=x onerror=window.__xss=1>",
            "<a data-xss href=\"javascript:window.__xss=1\">open</a>",
            "javascript:window.__xss=1//data-xss",
            "<svg><script data-xss>window.__xss=1</script></svg>",
            "{{constructor.constructor('window.__xss=1')()}}<b data-xss>",
            "{#for x in 1}<i data-xss>{x}</i>{/for}{customerName}",
            "</textarea></title><b data-xss onmouseover=window.__xss=1>",
            "\\u003cimg src=x onerror=window.__xss=1 data-xss\\u003e ＜img data-xss src=x onerror=alert(1)＞",
            "\u202E<iframe data-xss srcdoc=\"<script>parent.__xss=1</script>\"></iframe>");

    private static final Map<String, String> SETTINGS = Map.of(
            "tend.followup.clinic.opens", "00:00",
            "tend.followup.clinic.closes", "23:59:59.999999999",
            "tend.followup.clinic.business-days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
            "tend.followup.quiet-hours.start", "00:00",
            "tend.followup.quiet-hours.end", "00:00",
            "tend.followup.planner.interval", "PT2S");

    private static TendSystem system;
    private static final List<String> households = new ArrayList<>();
    private ConsoleBrowser browser;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            browser.screenshot(FAILURES.resolve(context.getRequiredTestMethod().getName() + ".png"));
        }
    };

    @BeforeAll
    static void startSystemWithHostileData() throws IOException {
        system = TendSystem.start(TendSystem.Options.forTests(ROOT, Files.createTempDirectory("tend-xss"))
                .withServiceProperties(SETTINGS).withConsole());
        for (int i = 0; i < PAYLOADS.size(); i++) {
            households.add(hostileHousehold(i, PAYLOADS.get(i)));
        }
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = new ConsoleBrowser(system.console().baseUrl());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void shouldRunNoPayloadOnAnyConsolePage() {
        SignInPage.open(browser).signIn(TendSystem.CONSOLE_ADMIN, system.consoleAdminPassword());
        // Today: the resolution calls (household, pet, feedback comment) and the reply items (the texted payloads).
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            browser.open("/today");
            String page = browser.driver.getPageSource();
            for (int i = 0; i < PAYLOADS.size(); i++) {
                assertThat("household " + i + " on Today", page, containsString("Xss household " + i));
            }
        });
        assertInert("today");
        browser.open("/households?q=" + java.net.URLEncoder.encode("Xss household", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(browser.driver.getPageSource(), containsString("Xss household " + (PAYLOADS.size() - 1)));
        assertInert("households search");
        for (int i = 0; i < households.size(); i++) {
            browser.open("/households/" + households.get(i));
            browser.visible(org.openqa.selenium.By.id("household-name"));
            assertThat(browser.driver.getPageSource(), containsString("data-xss"));
            assertInert("household " + i);
        }
        browser.open("/postcards");
        assertInert("postcards");
        browser.open("/playbooks");
        assertInert("playbooks");
    }

    @Test
    void shouldRunNoPayloadInAnySentEmail() throws IOException {
        List<CaughtMail> mails = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(
                () -> system.mailCatcher().messages().stream()
                        .filter(mail -> mail.htmlBody() != null && mail.to().stream().anyMatch(to -> to.contains("xss."))).toList(),
                found -> found.size() >= PAYLOADS.size());
        for (CaughtMail mail : mails) {
            assertThat(mail.subject(), mail.htmlBody(), containsString("data-xss"));
            openAsFile(mail.htmlBody());
            assertInert("email '" + mail.subject() + "' to " + mail.to());
        }
    }

    @Test
    void shouldRunNoPayloadInAnyEmailTemplate() throws IOException {
        RequestSpecification notification = RestAssured.given().baseUri(system.notificationService().baseUrl())
                .header("Authorization", "Bearer " + DevTokens.allRoles());
        List<Map<String, Object>> templates = RestAssured.given().spec(notification).get("/templates")
                .then().statusCode(200).extract().jsonPath().getList("$");
        int rendered = 0;
        for (Map<String, Object> template : templates) {
            if (!"EMAIL".equals(template.get("channel"))) {
                continue;
            }
            for (String payload : PAYLOADS) {
                Map<String, String> data = new HashMap<>(Map.of("customerName", payload, "petName", payload,
                        "petNames", payload + ", " + payload, "visitReason", payload, "staffMember", payload,
                        "visitType", "dental", "visitDate", "2026-03-14", "visitedAt", "2026-03-14T14:30:00Z",
                        "recheckDate", "2026-04-11", "petPhotoUrl", "https://example.com/photos/biscuit.jpg"));
                data.put("petPhotoUrls", "https://example.com/photos/biscuit.jpg");
                for (int rating = 1; rating <= 5; rating++) {
                    data.put("ratingUrl" + rating, "https://example.com/rate/sample-" + rating);
                }
                String html = RestAssured.given().spec(notification).contentType(ContentType.JSON)
                        .body(Map.of("channel", "EMAIL", "templateKey", template.get("templateKey"),
                                "locale", template.get("locale"), "data", data))
                        .post("/templates/preview").then().statusCode(200).extract().path("html");
                if (html == null) {
                    continue;
                }
                assertThat(template.get("templateKey") + " " + template.get("locale"), html, containsString("data-xss"));
                openAsFile(html);
                assertInert("template " + template.get("templateKey") + " (" + template.get("locale") + ")");
                rendered++;
            }
        }
        assertTrue(rendered > 0, "no email template was rendered");
    }

    /** Nothing ran (no alert, no {@code window.__xss}) and nothing broke out (no element with the marker). */
    private void assertInert(String page) {
        try {
            String text = browser.driver.switchTo().alert().getText();
            fail("An alert opened on " + page + ": " + text);
        } catch (NoAlertPresentException expected) {
            // Nothing ran.
        }
        assertEquals("undefined", browser.script("return typeof window.__xss;"), "a payload ran on " + page);
        assertEquals(0L, ((Number) browser.script("return document.querySelectorAll('[data-xss]').length;")).longValue(),
                "markup broke out on " + page);
    }

    private void openAsFile(String html) throws IOException {
        Path file = Files.createTempFile("tend-xss-mail", ".html");
        Files.writeString(file, html);
        browser.driver.get(file.toUri().toString());
    }

    /**
     * A household whose name, pet, visit note, staff name, feedback comment and texted reply all carry the payload:
     * its thank-you email is sent, a poor rating puts a resolution call on Today, the text a reply item.
     */
    private static String hostileHousehold(int i, String payload) {
        String phone = "+4477009001" + String.format("%02d", i);
        String customerId = customer().contentType(ContentType.JSON).body(Map.of("name", "Xss household " + i + " " + payload,
                        "emails", List.of("xss." + i + "@example.com"), "phones", List.of(phone),
                        "timezone", "Europe/London", "locale", "en-GB",
                        "consents", List.of(Map.of("channel", "EMAIL", "granted", true), Map.of("channel", "SMS", "granted", true),
                                Map.of("channel", "PHONE", "granted", true))))
                .post("/customers").then().statusCode(201).extract().path("id");
        String petId = customer().contentType(ContentType.JSON).body(Map.of("customerId", customerId, "name", payload,
                        "species", "dog", "birthDate", "2019-05-01"))
                .post("/pets").then().statusCode(201).extract().path("id");
        customer().contentType(ContentType.JSON).body(Map.of("customerId", customerId, "petId", petId, "visitType", "wellness",
                        "reason", payload, "staffMember", payload,
                        "visitedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).toString()))
                .post("/visits").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> followup().body(Map.of("rating", 1, "comment", payload))
                .contentType(ContentType.JSON).post("/customers/" + customerId + "/feedback").statusCode() == 201);
        assertEquals(200, system.smsStandIn().textIn(system.notificationService().baseUrl() + "/webhooks/twilio/inbound",
                phone, TendSystem.SMS_SENDER, payload));
        return customerId;
    }

    private static RequestSpecification customer() {
        return RestAssured.given().baseUri(system.customerService().baseUrl())
                .header("Authorization", "Bearer " + DevTokens.allRoles());
    }

    private static RequestSpecification followup() {
        return RestAssured.given().baseUri(system.followupService().baseUrl())
                .header("Authorization", "Bearer " + DevTokens.allRoles());
    }
}
