package dev.tend.systemtests.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** One page object per console page: what a person sees and does there, waiting for visible state. */
final class Pages {

    private Pages() {
    }

    static final class SignInPage {
        private final ConsoleBrowser browser;

        SignInPage(ConsoleBrowser browser) {
            this.browser = browser;
            browser.wait.until(ExpectedConditions.titleContains("Sign in"));
            browser.visible(By.id("username"));
        }

        static SignInPage open(ConsoleBrowser browser) {
            browser.open("/sign-in");
            return new SignInPage(browser);
        }

        void enter(String username, String password) {
            WebElement user = browser.visible(By.id("username"));
            user.clear();
            user.sendKeys(username);
            browser.driver.findElement(By.id("password")).sendKeys(password);
            browser.driver.findElement(By.id("sign-in")).click();
        }

        TodayPage signIn(String username, String password) {
            enter(username, password);
            return new TodayPage(browser);
        }

        /** Signs in and expects to stay here, refused: the message shown. */
        String refused(String username, String password) {
            enter(username, password);
            return browser.visible(By.id("sign-in-error")).getText();
        }
    }

    static final class TodayPage {
        private final ConsoleBrowser browser;

        TodayPage(ConsoleBrowser browser) {
            this.browser = browser;
            browser.wait.until(ExpectedConditions.titleContains("Today"));
            browser.visible(By.id("counts"));
        }

        void show(String date, String team) {
            browser.script("document.getElementById('filter-date').value = arguments[0];", date);
            WebElement teamField = browser.driver.findElement(By.id("filter-team"));
            teamField.clear();
            teamField.sendKeys(team);
            teamField.submit();
            browser.wait.until(ExpectedConditions.attributeToBe(By.id("filter-date"), "value", date));
            browser.visible(By.id("counts"));
        }

        int due() {
            return Integer.parseInt(browser.visible(By.id("count-due")).getText());
        }

        WebElement call(String taskId) {
            return browser.visible(By.id("call-" + taskId));
        }

        /** Completes a call in place; returns the line that replaced it. */
        String complete(String taskId, String outcomeId, String note) {
            browser.driver.findElement(By.cssSelector("label[for='outcome-" + taskId + "-" + outcomeId + "']")).click();
            browser.driver.findElement(By.id("note-" + taskId)).sendKeys(note);
            browser.driver.findElement(By.id("complete-" + taskId)).click();
            return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#call-" + taskId + " .call__done"))).getText();
        }

        SignInPage signOut() {
            browser.driver.findElement(By.id("sign-out")).click();
            return new SignInPage(browser);
        }
    }

    static final class AccountsPage {
        private final ConsoleBrowser browser;

        AccountsPage(ConsoleBrowser browser) {
            this.browser = browser;
            browser.wait.until(ExpectedConditions.titleContains("Accounts"));
            browser.visible(By.id("new-account"));
        }

        static AccountsPage open(ConsoleBrowser browser) {
            browser.open("/admin/accounts");
            return new AccountsPage(browser);
        }

        void fill(String username, String name, String password, boolean admin) {
            browser.visible(By.id("username")).sendKeys(username);
            browser.driver.findElement(By.id("displayName")).sendKeys(name);
            browser.driver.findElement(By.id("team")).sendKeys("front-desk");
            browser.driver.findElement(By.id("password")).sendKeys(password);
            browser.driver.findElement(By.cssSelector(admin ? "label[for='role-admin']" : "label[for='role-staff']")).click();
        }

        AccountsPage create(String username, String name, String password) {
            fill(username, name, password, false);
            browser.driver.findElement(By.id("create-account")).click();
            browser.visible(By.id("account-created"));
            return new AccountsPage(browser);
        }

        /** Submits the form after removing its CSRF token, as a forged cross-site form would arrive. */
        ErrorPage createWithoutCsrfToken(String username, String name, String password) {
            fill(username, name, password, false);
            browser.script("document.querySelector('#new-account input[name=csrf]').remove();");
            browser.driver.findElement(By.id("create-account")).click();
            return new ErrorPage(browser);
        }
    }

    static final class ErrorPage {
        private final ConsoleBrowser browser;

        ErrorPage(ConsoleBrowser browser) {
            this.browser = browser;
            browser.visible(By.id("error-title"));
        }

        String title() {
            return browser.visible(By.id("error-title")).getText();
        }

        String message() {
            return browser.visible(By.id("error-message")).getText();
        }
    }

    static final class PostcardsPage {
        private final ConsoleBrowser browser;

        PostcardsPage(ConsoleBrowser browser) {
            this.browser = browser;
            browser.wait.until(ExpectedConditions.titleContains("Postcards"));
        }

        static PostcardsPage open(ConsoleBrowser browser) {
            browser.open("/postcards");
            return new PostcardsPage(browser);
        }

        PrintJobPage proof(String jobId) {
            browser.visible(By.id("job-" + jobId)).click();
            return new PrintJobPage(browser);
        }
    }

    static final class PrintJobPage {
        private final ConsoleBrowser browser;

        PrintJobPage(ConsoleBrowser browser) {
            this.browser = browser;
            browser.wait.until(ExpectedConditions.titleContains("Print job"));
            browser.visible(By.id("job-status"));
        }

        /** The side's thumbnail is on screen and really decoded (a broken image has no natural width). */
        void assertThumbnailShown(int side) {
            WebElement image = browser.visible(By.id("side-" + side));
            browser.wait.until(driver -> ((Number) browser.script(
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0;", image)).intValue() > 100);
        }

        void approve() {
            browser.visible(By.id("approve")).click();
            browser.visible(By.id("job-approved"));
        }
    }

    static final class HouseholdsPage {
        private final ConsoleBrowser browser;

        HouseholdsPage(ConsoleBrowser browser) {
            this.browser = browser;
            browser.wait.until(ExpectedConditions.titleContains("Households"));
        }

        static HouseholdsPage open(ConsoleBrowser browser) {
            browser.open("/households");
            return new HouseholdsPage(browser);
        }

        HouseholdPage find(String name) {
            browser.visible(By.id("q")).sendKeys(name);
            browser.driver.findElement(By.id("search")).click();
            browser.visible(By.linkText(name)).click();
            return new HouseholdPage(browser);
        }
    }

    static final class HouseholdPage {
        private final ConsoleBrowser browser;

        HouseholdPage(ConsoleBrowser browser) {
            this.browser = browser;
            browser.visible(By.id("household-name"));
        }

        String consents() {
            return browser.visible(By.id("consents")).getText();
        }

        /** The pet's photo, loaded from customer-service (allowed by the console's Content-Security-Policy), is shown. */
        void assertPetPhotoShown() {
            WebElement photo = browser.visible(By.cssSelector("img.pet__photo"));
            browser.wait.until(driver -> ((Number) browser.script(
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0;", photo)).intValue() > 0);
        }

        String timeline() {
            return browser.visible(By.id("timeline")).getText();
        }

        String recordFeedback(int rating, String comment) {
            browser.driver.findElement(By.cssSelector("label[for='rating-" + rating + "']")).click();
            browser.driver.findElement(By.id("comment")).sendKeys(comment);
            browser.driver.findElement(By.id("record-feedback")).click();
            return browser.visible(By.id("feedback-recorded")).getText();
        }

        /** Submits without a rating: the message is next to the rating. */
        String recordFeedbackWithoutRating() {
            browser.visible(By.id("record-feedback")).click();
            return browser.visible(By.id("rating-error")).getText();
        }
    }

    static final class PlaybookPage {
        private final ConsoleBrowser browser;

        PlaybookPage(ConsoleBrowser browser) {
            this.browser = browser;
            browser.wait.until(ExpectedConditions.titleContains("Playbook"));
            browser.visible(By.id("rules"));
        }

        static PlaybookPage open(ConsoleBrowser browser, String key) {
            browser.open("/playbooks");
            browser.visible(By.id("playbook-" + key)).click();
            return new PlaybookPage(browser);
        }

        String rules() {
            return browser.visible(By.id("rules")).getText();
        }

        /** Edits the JSON (the first match of the regular expression {@code from} becomes {@code to}) and saves; returns the first violation shown. */
        String saveWith(String from, String to) {
            Object replaced = browser.script("const area = document.getElementById('definition'); const before = area.value;"
                    + " area.value = before.replace(new RegExp(arguments[0]), arguments[1]); return area.value !== before;", from, to);
            if (!Boolean.TRUE.equals(replaced)) {
                throw new AssertionError("the playbook JSON has no match for " + from);
            }
            browser.driver.findElement(By.id("save-playbook")).click();
            return browser.visible(By.cssSelector(".violation")).getText();
        }

        String dryRun(String visitType) {
            new org.openqa.selenium.support.ui.Select(browser.visible(By.id("visitType"))).selectByValue(visitType);
            browser.driver.findElement(By.id("dry-run")).click();
            return browser.visible(By.id("planned")).getText();
        }
    }
}
