package dev.tend.systemtests.console;

import dev.tend.infra.CaughtMail;
import dev.tend.infra.DevTokens;
import dev.tend.infra.TendSystem;
import dev.tend.systemtests.console.InboxPages.InboxPage;
import dev.tend.systemtests.console.InboxPages.TemplatesPage;
import dev.tend.systemtests.console.Pages.SignInPage;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A catalogue of XSS payloads placed where people and their clients write free text: customer names, pet names,
 * visit reasons, the vet's name on a visit, feedback comments, texted replies (through the provider's signed
 * webhook), staff display names, call notes and staff answers; then every console page that shows them, every email
 * actually sent, and every email template rendered with them, in real headless Chromium. Each payload would set
 * {@code window.__xss} or open an alert if it ran, and carries the marker attribute {@code data-xss} on any element it
 * would inject. The check on each page: no alert opened, {@code window.__xss} is undefined, no element carries the
 * marker, and the payload is on screen as text (rendered, escaped, not dropped). Format-constrained fields (email,
 * phone, time zone, locale) refuse the payloads with a 400 naming the field.
 */
class XssCatalogueIT {

    private static final Path ROOT = Path.of(System.getProperty("tend.project.root", "..")).toAbsolutePath().normalize();
    private static final Path FAILURES = ROOT.resolve("system-tests/target/xss-screenshots");
    private static final String STAFF_PASSWORD = "a long enough staff passphrase";
    /** Every language the email templates are written in. */
    private static final List<String> LOCALES = List.of("en", "pt", "es");

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

    /** One household per payload: the payload is in its name, its pet's name, its visit and its client's words. */
    record Household(int index, String id, String name, String payload) {
    }

    private static TendSystem system;
    private static final List<Household> households = new ArrayList<>();
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
        // The services hear of the households by event: each step waits for all of them at once, not one by one.
        for (Household household : households) {
            await().atMost(Duration.ofSeconds(60)).until(() -> followup().body(Map.of("rating", 1, "comment", household.payload()))
                    .contentType(ContentType.JSON).post("/customers/" + household.id() + "/feedback").statusCode() == 201);
        }
        for (Household household : households) {
            // notification-service must know the number before a text from it finds the household: a staff message
            // on a channel that does not exist is 404 while the household is unknown, 400 once known, and sends nothing.
            await().atMost(Duration.ofSeconds(60)).until(() -> notification().contentType(ContentType.JSON)
                    .body(Map.of("channel", "PIGEON", "body", "probe")).post("/customers/" + household.id() + "/messages")
                    .statusCode(), status -> status != 404);
            assertEquals(200, system.smsStandIn().textIn(system.notificationService().baseUrl() + "/webhooks/twilio/inbound",
                    phoneOf(household.index()), TendSystem.SMS_SENDER, household.payload()));
        }
        households.forEach(household -> replyOf(household.id()));
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
    void shouldRefuseEachPayloadInAFormatConstrainedFieldNamingTheField() {
        for (String payload : PAYLOADS) {
            assertRefused("emails", payload, Map.of("emails", List.of(payload)));
            assertRefused("phones", payload, Map.of("phones", List.of(payload)));
            assertRefused("timezone", payload, Map.of("timezone", payload));
            assertRefused("locale", payload, Map.of("locale", payload));
        }
    }

    @Test
    void shouldShowEveryPayloadAsTextAndRunNoneOnAnyConsolePage() {
        SignInPage.open(browser).signIn(TendSystem.CONSOLE_ADMIN, system.consoleAdminPassword());
        // Today: each household's resolution call (name, pet, visit, feedback comment) and its texted reply.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            browser.open("/today");
            String text = visibleText();
            for (Household household : households) {
                assertThat("household " + household.index() + " on Today", text, containsString(household.name()));
            }
        });
        assertShownAndInert("Today", PAYLOADS);

        InboxPage.open(browser);
        assertShownAndInert("Inbox", PAYLOADS);
        browser.open("/households?q=" + URLEncoder.encode("Xss household", StandardCharsets.UTF_8));
        assertShownAndInert("households found", households.stream().map(Household::name).toList());
        browser.open("/postcards");
        browser.wait.until(ExpectedConditions.titleContains("Postcards"));
        assertInert("Postcards");
        browser.open("/playbooks");
        browser.wait.until(ExpectedConditions.titleContains("Playbooks"));
        assertInert("Playbooks");

        // Staff display names: an account per payload, listed on the Accounts page.
        for (Household household : households) {
            createStaffAccount("xss-staff-" + household.index(), household.payload());
        }
        String hostileName = PAYLOADS.get(1);
        createStaffAccount("xss-caller", hostileName);
        browser.open("/admin/accounts");
        browser.visible(By.id("accounts"));
        assertShownAndInert("Accounts", PAYLOADS);

        // That staff member, signed in under the hostile name, completes each call in place with the payload as its
        // note and answers each texted reply in place with the payload.
        browser.driver.findElement(By.id("sign-out")).click();
        new SignInPage(browser).signIn("xss-caller", STAFF_PASSWORD);
        assertShownAndInert("Today for a staff member with a hostile name", List.of(hostileName));
        for (Household household : households) {
            String callId = taskOf(household.id(), "feedback-resolution");
            browser.visible(By.id("call-" + callId));
            browser.driver.findElement(By.cssSelector("label[for='outcome-" + callId + "-reached']")).click();
            browser.script("document.getElementById(arguments[0]).value = arguments[1];", "note-" + callId, household.payload());
            browser.driver.findElement(By.id("complete-" + callId)).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#call-" + callId + " .call__done")));
        }
        assertShownAndInert("Today with every call completed", PAYLOADS);
        InboxPage.open(browser);
        for (Household household : households) {
            String replyId = replyOf(household.id());
            browser.visible(By.id("answer-" + replyId));
            browser.script("document.getElementById(arguments[0]).value = arguments[1];", "answer-" + replyId, household.payload());
            browser.driver.findElement(By.id("send-" + replyId)).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reply-" + replyId + " .call__done")));
        }
        assertShownAndInert("Inbox with every reply answered", PAYLOADS);

        // Each household's page: name, pet, visit, feedback, the text, the note and the answer on its timeline.
        for (Household household : households) {
            browser.open("/households/" + household.id());
            assertEquals(household.name(), browser.visible(By.id("household-name")).getText());
            String timeline = browser.visible(By.id("timeline")).getText();
            assertThat("household " + household.index() + "'s timeline", timeline, containsString(household.payload()));
            assertShownAndInert("household " + household.index(), List.of(household.payload(), hostileName));
        }
    }

    @Test
    void shouldShowEveryPayloadAsTextAndRunNoneInTheSentEmails() throws IOException {
        for (Household household : households) {
            String address = emailOf(household.index());
            CaughtMail mail = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(
                    () -> system.mailCatcher().messages().stream()
                            .filter(m -> m.htmlBody() != null && m.to().contains(address)).findFirst().orElse(null),
                    found -> found != null);
            openAsFile(mail.htmlBody());
            assertShownAndInert("email '" + mail.subject() + "' to " + address, List.of(household.payload()));
        }
    }

    @Test
    void shouldShowEveryPayloadAsTextAndRunNoneInEveryEmailTemplate() throws IOException {
        RequestSpecification notification = RestAssured.given().baseUri(system.notificationService().baseUrl())
                .header("Authorization", "Bearer " + DevTokens.allRoles());
        List<String> emailTemplates = RestAssured.given().spec(notification).get("/templates")
                .then().statusCode(200).extract().jsonPath().<String>getList("findAll { it.channel == 'EMAIL' }.templateKey")
                .stream().distinct().toList();
        assertTrue(emailTemplates.size() >= 3, "email templates: " + emailTemplates);
        for (String templateKey : emailTemplates) {
            for (String locale : LOCALES) {
                String which = "template " + templateKey + " (" + locale + ")";
                for (String payload : PAYLOADS) {
                    String html = RestAssured.given().spec(notification).contentType(ContentType.JSON)
                            .body(Map.of("channel", "EMAIL", "templateKey", templateKey, "locale", locale,
                                    "data", hostileSampleData(payload)))
                            .post("/templates/preview").then().statusCode(200).extract().path("html");
                    assertTrue(html != null, which + " has no HTML");
                    openAsFile(html);
                    assertShownAndInert(which, List.of(payload));
                }
            }
        }

        // The console's own preview of each: the HTML in its sandboxed frame, the sample data beside it.
        SignInPage.open(browser).signIn(TendSystem.CONSOLE_ADMIN, system.consoleAdminPassword());
        TemplatesPage.open(browser);
        assertInert("Templates");
        for (String templateKey : emailTemplates) {
            for (String locale : LOCALES) {
                browser.open("/templates/EMAIL/" + templateKey + "?locale=" + locale);
                browser.visible(By.id("preview"));
                assertInert("console preview of " + templateKey + " (" + locale + ")");
            }
        }
    }

    // --- the checks ---

    /** Nothing ran (no alert, no {@code window.__xss}), nothing broke out (no marked element), and each text is on screen. */
    private void assertShownAndInert(String page, List<String> texts) {
        assertInert(page);
        String shown = visibleText();
        for (String text : texts) {
            assertThat("'" + text + "' shown as text on " + page, shown, containsString(text));
        }
    }

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
        assertEquals(0L, ((Number) browser.script("return Array.from(document.querySelectorAll('iframe'))"
                + ".filter(f => { try { return f.contentWindow.__xss !== undefined; } catch (e) { return false; } }).length;"))
                .longValue(), "a payload ran in a frame on " + page);
    }

    private String visibleText() {
        return (String) browser.script("return document.body.innerText;");
    }

    private void openAsFile(String html) throws IOException {
        Path file = Files.createTempFile("tend-xss-mail", ".html");
        Files.writeString(file, html);
        browser.driver.get(file.toUri().toString());
    }

    private void assertRefused(String field, String payload, Map<String, Object> hostile) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Constrained fields", "timezone", "Europe/London",
                "locale", "en-GB"));
        body.putAll(hostile);
        Response response = customer().contentType(ContentType.JSON).body(body).post("/customers");
        assertEquals(400, response.statusCode(), field + " took '" + payload + "': " + response.asString());
        assertThat(field + " refused for '" + payload + "': " + response.asString(),
                response.jsonPath().getString("field"), startsWith(field));
    }

    // --- the world ---

    /** An account made through the Accounts form; the name is set as typed text, whatever characters it holds. */
    private void createStaffAccount(String username, String displayName) {
        browser.open("/admin/accounts");
        browser.visible(By.id("username")).sendKeys(username);
        browser.script("document.getElementById('displayName').value = arguments[0];", displayName);
        browser.driver.findElement(By.id("team")).sendKeys("front-desk");
        browser.driver.findElement(By.id("password")).sendKeys(STAFF_PASSWORD);
        browser.driver.findElement(By.cssSelector("label[for='role-staff']")).click();
        browser.driver.findElement(By.id("create-account")).click();
        browser.visible(By.id("account-created"));
        assertInert("Accounts after creating " + username);
    }

    private static Map<String, String> hostileSampleData(String payload) {
        Map<String, String> data = new LinkedHashMap<>(Map.of("customerName", payload, "petName", payload,
                "petNames", payload, "visitReason", payload, "staffMember", payload, "visitType", "dental",
                "visitDate", "2026-03-14", "visitedAt", "2026-03-14T14:30:00Z", "recheckDate", "2026-04-11",
                "petPhotoUrl", "https://example.com/photos/biscuit.jpg"));
        data.put("petPhotoUrls", "https://example.com/photos/biscuit.jpg");
        for (int rating = 1; rating <= 5; rating++) {
            data.put("ratingUrl" + rating, "https://example.com/rate/sample-" + rating);
        }
        return data;
    }

    private static String phoneOf(int index) {
        return String.format("+4474008001%02d", index);
    }

    private static String emailOf(int index) {
        return "xss." + index + "@example.com";
    }

    /**
     * A household whose name, pet, visit reason and vet carry the payload: its thank-you email is sent. Its feedback
     * comment (a poor rating: a resolution call on Today) and texted reply (a reply item) follow once all are known.
     */
    private static Household hostileHousehold(int i, String payload) {
        String phone = phoneOf(i);
        String name = String.format("Xss household %02d %s", i, payload);
        Response registered = customer().contentType(ContentType.JSON).body(Map.of("name", name,
                        "emails", List.of(emailOf(i)), "phones", List.of(phone),
                        "timezone", "Europe/London", "locale", "en-GB",
                        "consents", List.of(Map.of("channel", "EMAIL", "granted", true), Map.of("channel", "SMS", "granted", true),
                                Map.of("channel", "PHONE", "granted", true))))
                .post("/customers");
        assertEquals(201, registered.statusCode(), "household " + i + " refused: " + registered.asString());
        String customerId = registered.path("id");
        Response pet = customer().contentType(ContentType.JSON).body(Map.of("customerId", customerId, "name", payload,
                "species", "dog", "birthDate", "2019-05-01")).post("/pets");
        assertEquals(201, pet.statusCode(), "pet " + i + " refused: " + pet.asString());
        Response visit = customer().contentType(ContentType.JSON).body(Map.of("customerId", customerId, "petId", pet.path("id"),
                        "visitType", "wellness", "reason", payload, "staffMember", payload,
                        "visitedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(3).toString()))
                .post("/visits");
        assertEquals(201, visit.statusCode(), "visit " + i + " refused: " + visit.asString());
        return new Household(i, customerId, name, payload);
    }

    private static String taskOf(String customerId, String templateKey) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> followup().get("/customers/" + customerId + "/tasks")
                .then().statusCode(200).extract().jsonPath()
                .<String>getString("find { it.templateKey == '" + templateKey + "' && it.status == 'OPEN' }.id"), id -> id != null);
    }

    private static String replyOf(String customerId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> followup().get("/customers/" + customerId + "/tasks")
                .then().statusCode(200).extract().jsonPath()
                .<String>getString("find { it.kind == 'REPLY' && it.status == 'OPEN' }.id"), id -> id != null);
    }

    private static RequestSpecification customer() {
        return RestAssured.given().baseUri(system.customerService().baseUrl())
                .header("Authorization", "Bearer " + DevTokens.allRoles());
    }

    private static RequestSpecification followup() {
        return RestAssured.given().baseUri(system.followupService().baseUrl())
                .header("Authorization", "Bearer " + DevTokens.allRoles());
    }

    private static RequestSpecification notification() {
        return RestAssured.given().baseUri(system.notificationService().baseUrl())
                .header("Authorization", "Bearer " + DevTokens.allRoles());
    }
}
