package dev.tend.systemtests.console;

import dev.tend.infra.DevTokens;
import dev.tend.infra.SentSms;
import dev.tend.infra.TendSystem;
import dev.tend.systemtests.console.InboxPages.InboxPage;
import dev.tend.systemtests.console.InboxPages.TemplatePreviewPage;
import dev.tend.systemtests.console.InboxPages.TemplatesPage;
import dev.tend.systemtests.console.Pages.AccountsPage;
import dev.tend.systemtests.console.Pages.ErrorPage;
import dev.tend.systemtests.console.Pages.SignInPage;
import dev.tend.systemtests.console.Pages.TodayPage;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's Inbox, Today's counts and replies, and the Templates preview, in real headless Chromium on the
 * packaged services: a texted reply answered in place (the answer reaches the SMS stand-in), a text from an unknown
 * number linked to a household found by search, the counts at the top of Today, templates previewed per language by
 * an admin and refused to staff. axe-core checks every page visited, at 1280×800 and 768 px.
 */
class ConsoleInboxBrowserIT {

    private static final Path ROOT = Path.of(System.getProperty("tend.project.root", "..")).toAbsolutePath().normalize();
    private static final Path FAILURES = ROOT.resolve("system-tests/target/console-screenshots");
    private static final Path README_IMAGES = ROOT.resolve("docs/images");
    private static final ZoneId CLINIC = ZoneId.of("Europe/London");
    private static final String STAFF_PASSWORD = "a long enough staff passphrase";
    /** The clinic is open all day, every day, so a reply that arrives now is on today's worklist at once. */
    private static final Map<String, String> SETTINGS = Map.of(
            "tend.followup.clinic.opens", "00:00",
            "tend.followup.clinic.closes", "23:59:59.999999999",
            "tend.followup.clinic.business-days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
            "tend.followup.quiet-hours.start", "00:00",
            "tend.followup.quiet-hours.end", "00:00",
            "tend.followup.planner.interval", "PT2S");

    private static TendSystem system;
    private static String staffUser;
    private ConsoleBrowser browser;

    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            browser.screenshot(FAILURES.resolve(context.getRequiredTestMethod().getName() + ".png"));
            System.err.println("Screenshot of the failure in " + FAILURES + "; the page:\n" + browser.driver.getPageSource());
        }
    };

    @BeforeAll
    static void startSystem() throws IOException {
        system = TendSystem.start(TendSystem.Options.forTests(ROOT, Files.createTempDirectory("tend-console-inbox"))
                .withServiceProperties(SETTINGS).withConsole());
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
    void shouldAnswerATextedReplyInPlaceAndTextTheAnswerToTheirPhone() {
        String phone = aPhoneNumber();
        String customerId = household("Rosa Lima " + suffix(), phone, null);
        String complaint = "Mel is still limping after the x-ray, should we come back?";
        textFrom(phone, complaint);
        String replyId = replyItemOf(customerId);

        signInAsStaff();
        InboxPage inbox = InboxPage.open(browser);
        assertThat(inbox.reply(replyId).getText(), containsString(complaint));
        browser.assertAccessible("inbox with a reply");
        browser.screenshot(README_IMAGES.resolve("console-inbox.png"));

        assertThat(inbox.answerEmpty(replyId), containsString("Write your answer"));
        browser.assertAccessible("inbox with an answer refused");

        browser.script("document.body.dataset.loadedOnce = 'yes';");
        String answer = "Sorry to hear that. Bring Mel in at 4 today and the vet will look at her leg.";
        assertThat(inbox.answer(replyId, answer), containsString("Answered by text to " + phone));
        assertEquals("yes", browser.script("return document.body.dataset.loadedOnce;"), "the page was not reloaded");

        SentSms sent = await().atMost(Duration.ofSeconds(30)).until(() -> system.smsStandIn().messages().stream()
                .filter(m -> phone.equals(m.to()) && m.body().contains("Bring Mel in at 4")).findFirst().orElse(null), m -> m != null);
        assertThat(sent.body(), containsString(answer));
        Map<String, Object> task = followup().get("/customers/" + customerId + "/tasks").then().statusCode(200)
                .extract().jsonPath().getMap("find { it.id == '" + replyId + "' }");
        assertEquals("DONE", task.get("status"));
        assertEquals("ANSWERED", task.get("outcome"));
        assertThat((String) task.get("outcomeNote"), containsString("Bring Mel in at 4"));

        browser.resize(768, 1024);
        InboxPage.open(browser);
        browser.assertAccessible("inbox at 768 px");
    }

    @Test
    void shouldLinkATextFromAnUnknownNumberToTheHouseholdFoundBySearch() {
        String name = "Tomas Ferreira " + suffix();
        String customerId = household(name, aPhoneNumber(), null);
        String unknown = aPhoneNumber();
        textFrom(unknown, "This is Tomas on my work phone: can Bolt's vaccination move to Friday?");
        String messageId = await().atMost(Duration.ofSeconds(30)).until(() -> notification()
                .get("/inbound-messages?status=UNMATCHED&size=200").then().statusCode(200).extract().jsonPath()
                .<String>getString("items.find { it.from == '" + unknown + "' }.id"), id -> id != null);

        signInAsStaff();
        InboxPage inbox = InboxPage.open(browser);
        assertThat(inbox.unmatched(messageId).getText(), containsString("Bolt's vaccination"));
        WebElement found = inbox.find(messageId, name);
        assertThat(found.getText(), containsString(name));
        browser.assertAccessible("inbox with households found");
        assertThat(inbox.link(messageId, customerId), containsString("Linked to " + name));

        Map<String, Object> message = notification().get("/inbound-messages/" + messageId).then().statusCode(200)
                .extract().jsonPath().getMap("$");
        assertEquals("MATCHED", message.get("status"));
        assertEquals(List.of(customerId), message.get("customerIds"));
        assertEquals(staffUser, message.get("linkedBy"), "linked as the person signed in");
        // Linked, it is the household's reply now: on the worklist and in the Inbox with its words.
        String replyId = replyItemOf(customerId);
        assertThat(InboxPage.open(browser).reply(replyId).getText(), containsString("Bolt's vaccination"));
    }

    @Test
    void shouldShowTodaysCountsAndPutAnUrgentReplyFirstWithItsThread() {
        String customerId = household("Ines Costa " + suffix(), aPhoneNumber(), null);
        String phone = (String) ((List<?>) customer().get("/customers/" + customerId).then().extract().path("phones")).get(0);
        String urgent = "Nala collapsed in the garden and is breathing fast";
        textFrom(phone, urgent);
        String replyId = replyItemOf(customerId);
        String today = LocalDate.now(CLINIC).toString();

        SignInPage.open(browser).signIn(TendSystem.CONSOLE_ADMIN, system.consoleAdminPassword());
        TodayPage page = new TodayPage(browser);
        page.show(today, "front-desk");
        Map<String, Object> summary = summary(today);
        assertEquals(summary.get("callsDue").toString(), count("count-due"));
        assertEquals(summary.get("repliesWaiting").toString(), count("count-replies"));
        assertEquals(summary.get("doneToday").toString(), count("count-done"));
        assertTrue(Integer.parseInt(count("count-replies")) >= 1);

        WebElement first = browser.visible(By.cssSelector("#worklist > li"));
        assertThat(first.getAttribute("class"), containsString("call--urgent"));
        WebElement reply = page.call(replyId);
        assertThat(reply.getText(), containsString(urgent));
        assertThat(reply.getText(), containsString("Urgent"));
        browser.assertAccessible("today with an urgent reply");

        // Closing the reply from Today moves the counts: one reply fewer waiting, one more done today.
        int doneBefore = Integer.parseInt(count("count-done"));
        int waitingBefore = Integer.parseInt(count("count-replies"));
        String done = page.complete(replyId, "reached", "Called back: on the way to the emergency vet.");
        assertThat(done, containsString("Done: reached"));
        browser.wait.until(driver -> Integer.parseInt(count("count-done")) == doneBefore + 1
                && Integer.parseInt(count("count-replies")) == waitingBefore - 1);
        Map<String, Object> after = summary(today);
        assertEquals(after.get("doneToday").toString(), count("count-done"));
    }

    @Test
    void shouldPreviewATemplateInEachLanguageForAnAdminAndRefuseStaff() {
        SignInPage.open(browser).signIn(TendSystem.CONSOLE_ADMIN, system.consoleAdminPassword());
        TemplatesPage templates = TemplatesPage.open(browser);
        assertThat(templates.table(), containsString("visit-thank-you"));
        assertThat(templates.table(), containsString("SMS"));
        browser.assertAccessible("templates");

        TemplatePreviewPage preview = templates.preview("EMAIL", "visit-thank-you", "pt");
        assertEquals("Obrigado pela sua visita de hoje", preview.subject());
        assertThat(preview.text(), containsString("Obrigado por nos ter visitado hoje"));
        assertThat(preview.htmlAsShown(), containsString("Obrigado por nos ter visitado hoje"));
        browser.assertAccessible("template preview");

        TemplatePreviewPage spanish = preview.locale("es");
        assertEquals("Gracias por su visita de hoy", spanish.subject());
        assertThat(spanish.htmlAsShown(), not(containsString("Obrigado")));
        browser.resize(768, 1024);
        browser.assertAccessible("template preview at 768 px");

        browser.open("/templates/SMS/feedback-request?locale=en");
        TemplatePreviewPage sms = new TemplatePreviewPage(browser);
        assertThat(sms.text(), not(containsString("{")));
        assertTrue(browser.driver.findElements(By.id("preview-html")).isEmpty(), "an SMS has no HTML");

        browser.driver.findElement(By.id("sign-out")).click();
        new SignInPage(browser);
        signInAsStaff();
        assertTrue(browser.driver.findElements(By.linkText("Templates")).isEmpty(), "no Templates link for staff");
        browser.open("/templates");
        assertEquals("You do not have access to this page", new ErrorPage(browser).title());
        browser.open("/templates/EMAIL/visit-thank-you?locale=pt");
        assertEquals("You do not have access to this page", new ErrorPage(browser).title());
    }

    // --- the world ---

    private String count(String id) {
        return browser.visible(By.id(id)).getText();
    }

    private Map<String, Object> summary(String date) {
        return followup().get("/worklist/summary?date=" + date + "&team=front-desk").then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    /** A household with a phone (SMS consent); notification-service knows the number before this returns. */
    private String household(String name, String phone, String email) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "phones", List.of(phone),
                "timezone", "Europe/London", "locale", "en-GB",
                "consents", List.of(Map.of("channel", "SMS", "granted", true), Map.of("channel", "PHONE", "granted", true))));
        if (email != null) {
            body.put("emails", List.of(email));
        }
        String id = customer().contentType(ContentType.JSON).body(body).post("/customers").then().statusCode(201)
                .extract().path("id");
        // notification-service must know the number before a text from it finds the household. Asking it to send a
        // staff message on a channel that does not exist tells: 404 while the household is unknown, 400 once known,
        // and nothing is sent.
        await().atMost(Duration.ofSeconds(60)).until(() -> notification().contentType(ContentType.JSON)
                .body(Map.of("channel", "PIGEON", "body", "probe")).post("/customers/" + id + "/messages").statusCode(),
                status -> status != 404);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> followup()
                .get("/customers/" + id + "/tasks").then().statusCode(200));
        return id;
    }

    private void textFrom(String phone, String body) {
        int status = system.smsStandIn().textIn(system.notificationService().baseUrl() + "/webhooks/twilio/inbound",
                phone, TendSystem.SMS_SENDER, body);
        assertEquals(200, status, "the inbound webhook took the text");
    }

    /** The household's reply item, once followup-service has put it on the worklist. */
    private String replyItemOf(String customerId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> followup().get("/customers/" + customerId + "/tasks")
                .then().statusCode(200).extract().jsonPath()
                .<String>getString("find { it.kind == 'REPLY' && it.status == 'OPEN' }.id"), id -> id != null);
    }

    private synchronized void signInAsStaff() {
        if (staffUser == null) {
            String username = "inbox-" + suffix();
            SignInPage.open(browser).signIn(TendSystem.CONSOLE_ADMIN, system.consoleAdminPassword());
            AccountsPage.open(browser).create(username, "Sam Jones", STAFF_PASSWORD);
            browser.driver.findElement(By.id("sign-out")).click();
            new SignInPage(browser);
            staffUser = username;
        }
        SignInPage.open(browser).signIn(staffUser, STAFF_PASSWORD);
    }

    private static String aPhoneNumber() {
        return String.format("+4474008%05d", ThreadLocalRandom.current().nextInt(100_000));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
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
