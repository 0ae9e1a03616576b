package dev.tend.systemtests.console;

import dev.tend.infra.DevTokens;
import dev.tend.infra.TendSystem;
import dev.tend.systemtests.console.Pages.AccountsPage;
import dev.tend.systemtests.console.Pages.ErrorPage;
import dev.tend.systemtests.console.Pages.PlaybookPage;
import dev.tend.systemtests.console.Pages.HouseholdPage;
import dev.tend.systemtests.console.Pages.HouseholdsPage;
import dev.tend.systemtests.console.Pages.PostcardsPage;
import dev.tend.systemtests.console.Pages.PrintJobPage;
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
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff console in real headless Chromium, on the packaged services and console: signing in and out, lockout,
 * a staff user refused on admin pages, a form without its CSRF token refused, completing a call in place. axe-core
 * checks every page visited; the README's screenshots are taken here.
 */
class ConsoleBrowserIT {

    private static final Path ROOT = Path.of(System.getProperty("tend.project.root", "..")).toAbsolutePath().normalize();
    private static final Path FAILURES = ROOT.resolve("system-tests/target/console-screenshots");
    private static final Path README_IMAGES = ROOT.resolve("docs/images");
    private static final String STAFF_PASSWORD = "a long enough staff passphrase";
    /** The clinic is open all day, every day, so a call raised now is on today's worklist at once. */
    private static final Map<String, String> SETTINGS = Map.of(
            "tend.followup.clinic.opens", "00:00",
            "tend.followup.clinic.closes", "23:59:59.999999999",
            "tend.followup.clinic.business-days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
            "tend.followup.quiet-hours.start", "00:00",
            "tend.followup.quiet-hours.end", "00:00",
            "tend.followup.planner.interval", "PT2S",
            "tend.notification.print.require-approval", "true",
            "tend.notification.print.cut-off-interval", "PT2S");

    private static TendSystem system;
    private ConsoleBrowser browser;

    /** Runs before {@code @AfterEach} closes the browser, so the failing page is still there to photograph. */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            browser.screenshot(FAILURES.resolve(context.getRequiredTestMethod().getName() + ".png"));
            System.err.println("Screenshot of the failure in " + FAILURES + "; the page:\n" + browser.driver.getPageSource());
        }
    };

    @BeforeAll
    static void startSystem() throws IOException {
        system = TendSystem.start(TendSystem.Options.forTests(ROOT, Files.createTempDirectory("tend-console"))
                .withServiceProperties(SETTINGS).withConsole());
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @BeforeEach
    void openBrowser(TestInfo info) {
        browser = new ConsoleBrowser(system.console().baseUrl());
    }

    @AfterEach
    void closeBrowser() {
        // screenshotOnFailure has already run (after the test, before this).
        browser.close();
    }

    @Test
    void shouldSignInAndOutAndForgetTheSessionOnTheServer() {
        SignInPage signIn = SignInPage.open(browser);
        browser.assertAccessible("sign-in");
        TodayPage today = signIn.signIn(TendSystem.CONSOLE_ADMIN, system.consoleAdminPassword());
        browser.assertAccessible("today");
        String session = (String) browser.cookie("tend_session").get("value");
        assertEquals(true, browser.cookie("tend_session").get("httpOnly"));
        assertEquals("Lax", browser.cookie("tend_session").get("sameSite"));

        today.signOut();
        browser.open("/today");
        new SignInPage(browser);
        // The old cookie, replayed, no longer opens anything: the session is gone on the server.
        browser.driver.manage().addCookie(new org.openqa.selenium.Cookie("tend_session", session, "/"));
        browser.open("/today");
        new SignInPage(browser);
    }

    @Test
    void shouldLockAnAccountAfterRepeatedFailedSignIns() {
        String username = createStaffUser();
        SignInPage signIn = SignInPage.open(browser);
        for (int i = 0; i < 5; i++) {
            assertThat(signIn.refused(username, "wrong password " + i), containsString("not right"));
        }
        String refusal = signIn.refused(username, STAFF_PASSWORD);
        assertThat(refusal, containsString("Too many failed sign-ins"));
        browser.assertAccessible("sign-in with an error");
    }

    @Test
    void shouldRefuseAStaffUserOnAdminPages() {
        String username = createStaffUser();
        SignInPage.open(browser).signIn(username, STAFF_PASSWORD);
        assertTrue(browser.driver.findElements(By.linkText("Accounts")).isEmpty(), "no admin link for staff");
        browser.open("/admin/accounts");
        ErrorPage refused = new ErrorPage(browser);
        assertEquals("You do not have access to this page", refused.title());
        browser.assertAccessible("403");
    }

    @Test
    void shouldRejectAFormWithoutItsCsrfToken() {
        SignInPage.open(browser).signIn(TendSystem.CONSOLE_ADMIN, system.consoleAdminPassword());
        String username = "forged-" + UUID.randomUUID().toString().substring(0, 8);
        AccountsPage accounts = AccountsPage.open(browser);
        browser.assertAccessible("accounts");
        ErrorPage refused = accounts.createWithoutCsrfToken(username, "Forged Person", STAFF_PASSWORD);
        assertEquals("This form could not be accepted", refused.title());
        AccountsPage.open(browser);
        assertTrue(browser.driver.findElements(By.xpath("//td[text()='" + username + "']")).isEmpty(), "no account was created");
    }

    @Test
    void shouldCompleteACallInPlaceWithoutReloadingThePage() throws IOException {
        String household = "Ana Souza " + UUID.randomUUID().toString().substring(0, 4);
        String callId = aResolutionCallFor(household);

        TodayPage today = SignInPage.open(browser).signIn(TendSystem.CONSOLE_ADMIN, system.consoleAdminPassword());
        today.show(LocalDate.now(ZoneId.of("Europe/London")).toString(), "front-desk");
        assertThat(today.call(callId).getText(), containsString(household));
        browser.assertAccessible("today with calls");
        browser.screenshot(README_IMAGES.resolve("console-today.png"));
        int dueBefore = today.due();

        browser.script("document.body.dataset.loadedOnce = 'yes';");
        String done = today.complete(callId, "reached", "Apologised for the wait; offered a call-back from the vet.");
        assertThat(done, containsString("Done: reached"));
        assertEquals("yes", browser.script("return document.body.dataset.loadedOnce;"), "the page was not reloaded");
        browser.wait.until(driver -> today.due() == dueBefore - 1);
        browser.assertAccessible("today after completing");

        // followup-service recorded it as done by the person signed in, with the note.
        Map<String, Object> task = followup().get("/customers/" + customerOf(callId) + "/tasks").then().statusCode(200)
                .extract().jsonPath().getMap("find { it.id == '" + callId + "' }");
        assertEquals("DONE", task.get("status"));
        assertEquals("REACHED", task.get("outcome"));
        assertThat((String) task.get("outcomeNote"), containsString("Apologised for the wait"));

        browser.resize(768, 1024);
        browser.open("/today");
        new TodayPage(browser);
        browser.assertAccessible("today at 768 px");
    }

    @Test
    void shouldFindAHouseholdAndShowItsTimelineAndRecordFeedback() throws IOException {
        String household = "Carla Mendes " + UUID.randomUUID().toString().substring(0, 4);
        aResolutionCallFor(household);

        SignInPage.open(browser).signIn(TendSystem.CONSOLE_ADMIN, system.consoleAdminPassword());
        HouseholdsPage search = HouseholdsPage.open(browser);
        HouseholdPage page = search.find(household);
        browser.assertAccessible("household");
        assertThat(page.consents(), containsString("PHONE"));
        page.assertPetPhotoShown();
        assertThat(page.timeline(), containsString("feedback-resolution"));
        browser.script("document.getElementById('upcoming').scrollIntoView();");
        browser.screenshot(README_IMAGES.resolve("console-household-timeline.png"));

        assertThat(page.recordFeedback(5, "Lovely follow-up call, thank you"), containsString("Feedback recorded"));
        page.recordFeedbackWithoutRating();
        browser.assertAccessible("household with a form error");
    }

    @Test
    void shouldShowAPlaybooksValidationErrorsAndADryRun() {
        SignInPage.open(browser).signIn(TendSystem.CONSOLE_ADMIN, system.consoleAdminPassword());
        PlaybookPage playbook = PlaybookPage.open(browser, "default-veterinary");
        browser.assertAccessible("playbook");
        assertThat(playbook.rules(), containsString("When a visit is recorded (surgery or treatment): surgery-checkin"));

        String violation = playbook.saveWith("\"templateKey\"\\s*:\\s*\"visit-thank-you\"", "\"templateKey\": \"no-such-template\"");
        assertThat(violation, containsString("unknown template 'no-such-template'"));
        browser.assertAccessible("playbook with a validation error");
        assertEquals(1, (int) RestAssured.given().baseUri(system.followupService().baseUrl())
                .header("Authorization", "Bearer " + DevTokens.allRoles()).get("/playbooks/default-veterinary")
                .then().statusCode(200).extract().path("version"), "nothing was saved");

        String planned = playbook.dryRun("surgery");
        assertThat(planned, containsString("surgery-checkin"));
        assertThat(planned, containsString("visit-thank-you"));
        browser.assertAccessible("playbook dry run");
    }

    @Test
    void shouldApproveAPostcardJobProofedFromItsThumbnails() throws IOException {
        String jobId = aPrintJobAwaitingApproval();

        SignInPage.open(browser).signIn(TendSystem.CONSOLE_ADMIN, system.consoleAdminPassword());
        PostcardsPage postcards = PostcardsPage.open(browser);
        browser.assertAccessible("postcards");
        PrintJobPage job = postcards.proof(jobId);
        job.assertThumbnailShown(0);
        job.assertThumbnailShown(1);
        browser.assertAccessible("print job");
        browser.script("window.scrollTo(0, 300);");
        browser.screenshot(README_IMAGES.resolve("console-postcard-approval.png"));

        job.approve();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("RELEASED", RestAssured.given()
                .baseUri(system.notificationService().baseUrl()).header("Authorization", "Bearer " + DevTokens.allRoles())
                .get("/print-jobs/" + jobId).then().statusCode(200).extract().path("status")));
    }

    /** A household whose pet died: its sympathy card waits, in a print job, for an admin's approval. */
    private String aPrintJobAwaitingApproval() throws IOException {
        String customerId = customer().contentType(ContentType.JSON).body(Map.of("name", "Ben Carter",
                        "emails", List.of("ben." + UUID.randomUUID().toString().substring(0, 6) + "@example.com"),
                        "postalAddress", Map.of("line1", "1 High Street", "city", "London", "postalCode", "SW1A 1AA", "country", "GB"),
                        "timezone", "Europe/London", "locale", "en-GB",
                        "consents", List.of(Map.of("channel", "POST", "granted", true), Map.of("channel", "EMAIL", "granted", true))))
                .post("/customers").then().statusCode(201).extract().path("id");
        String petId = customer().contentType(ContentType.JSON).body(Map.of("customerId", customerId, "name", "Rex",
                        "species", "dog", "birthDate", "2012-03-01"))
                .post("/pets").then().statusCode(201).extract().path("id");
        customer().contentType("image/png").body(photo()).put("/pets/" + petId + "/photo").then().statusCode(200);
        customer().contentType(ContentType.JSON).body(Map.of("diedOn", LocalDate.now(ZoneId.of("Europe/London")).toString()))
                .post("/pets/" + petId + "/death").then().statusCode(200);
        RequestSpecification notification = RestAssured.given().baseUri(system.notificationService().baseUrl())
                .header("Authorization", "Bearer " + DevTokens.allRoles());
        return await().atMost(Duration.ofSeconds(90)).until(() -> {
            List<String> ids = RestAssured.given().spec(notification).get("/print-jobs?status=AWAITING_APPROVAL")
                    .then().statusCode(200).extract().jsonPath().getList("id");
            return ids.isEmpty() ? null : ids.get(0);
        }, id -> id != null);
    }

    private final Map<String, String> customers = new java.util.concurrent.ConcurrentHashMap<>();

    private String customerOf(String callId) {
        return customers.get(callId);
    }

    /** A household with a pet (and its photo) whose poor rating puts a resolution call on today's worklist. */
    private String aResolutionCallFor(String name) throws IOException {
        String customerId = customer().contentType(ContentType.JSON).body(Map.of("name", name,
                        "emails", List.of("ana." + UUID.randomUUID().toString().substring(0, 6) + "@example.com"),
                        "phones", List.of("+442079460000"), "timezone", "Europe/London", "locale", "en-GB",
                        "consents", List.of(Map.of("channel", "EMAIL", "granted", true), Map.of("channel", "PHONE", "granted", true))))
                .post("/customers").then().statusCode(201).extract().path("id");
        String petId = customer().contentType(ContentType.JSON).body(Map.of("customerId", customerId, "name", "Biscuit",
                        "species", "dog", "breed", "beagle", "birthDate", "2019-05-01"))
                .post("/pets").then().statusCode(201).extract().path("id");
        customer().contentType("image/png").body(photo()).put("/pets/" + petId + "/photo").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> followup().get("/customers/" + customerId + "/tasks")
                .then().statusCode(200));
        // The pet (and its photo) reach followup-service by event before the call is raised, so the call shows them.
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var response = followup().body(Map.of("rating", 1, "comment", "too long a wait")).contentType(ContentType.JSON)
                    .post("/customers/" + customerId + "/feedback");
            return response.statusCode() == 201 ? response.path("resolutionTaskId") : null;
        }, id -> id != null);
        String callId = followup().get("/customers/" + customerId + "/tasks").then().extract()
                .path("find { it.templateKey == 'feedback-resolution' }.id");
        customers.put(callId, customerId);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            followup().get("/worklist/" + callId).then().statusCode(200).body("household.name", equalTo(name));
            assertEquals("OPEN", followup().get("/worklist/" + callId).path("status"));
        });
        return callId;
    }

    private String createStaffUser() {
        String username = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        SignInPage.open(browser).signIn(TendSystem.CONSOLE_ADMIN, system.consoleAdminPassword());
        AccountsPage.open(browser).create(username, "Sam Jones", STAFF_PASSWORD);
        browser.driver.findElement(By.id("sign-out")).click();
        new SignInPage(browser);
        return username;
    }

    private static RequestSpecification customer() {
        return RestAssured.given().baseUri(system.customerService().baseUrl())
                .header("Authorization", "Bearer " + DevTokens.allRoles());
    }

    private static RequestSpecification followup() {
        return RestAssured.given().baseUri(system.followupService().baseUrl())
                .header("Authorization", "Bearer " + DevTokens.allRoles());
    }

    private static byte[] photo() throws IOException {
        BufferedImage image = new BufferedImage(320, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xC8, 0x8A, 0x4B));
        g.fillRect(0, 0, 320, 320);
        g.setColor(new Color(0x3B, 0x25, 0x12));
        g.fillOval(80, 80, 160, 160);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
