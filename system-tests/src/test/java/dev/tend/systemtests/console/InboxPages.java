package dev.tend.systemtests.console;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Page objects for the Inbox and the Templates pages, waiting for visible state like those in {@link Pages}. */
final class InboxPages {

    private InboxPages() {
    }

    static final class InboxPage {
        private final ConsoleBrowser browser;

        InboxPage(ConsoleBrowser browser) {
            this.browser = browser;
            browser.wait.until(ExpectedConditions.titleContains("Inbox"));
            browser.visible(By.id("inbox-counts"));
        }

        static InboxPage open(ConsoleBrowser browser) {
            browser.open("/inbox");
            return new InboxPage(browser);
        }

        WebElement reply(String taskId) {
            return browser.visible(By.id("reply-" + taskId));
        }

        /** Types an answer with the keyboard and sends it in place; returns the line that replaced the reply. */
        String answer(String taskId, String body) {
            WebElement field = browser.visible(By.id("answer-" + taskId));
            field.sendKeys(body);
            browser.driver.findElement(By.id("send-" + taskId)).click();
            return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#reply-" + taskId + " .call__done"))).getText();
        }

        /** Sends an empty answer: the message shown next to the field. */
        String answerEmpty(String taskId) {
            browser.visible(By.id("send-" + taskId)).click();
            return browser.visible(By.id("answer-" + taskId + "-error")).getText();
        }

        WebElement unmatched(String messageId) {
            return browser.visible(By.id("unmatched-" + messageId));
        }

        /** Searches for the household in place; returns the list of households found. */
        WebElement find(String messageId, String query) {
            WebElement field = browser.visible(By.id("find-" + messageId));
            field.clear();
            field.sendKeys(query);
            browser.driver.findElement(By.id("find-button-" + messageId)).click();
            return browser.visible(By.id("candidates-" + messageId));
        }

        /** Links the message to a household found; returns the line that replaced it. */
        String link(String messageId, String customerId) {
            browser.visible(By.id("link-" + messageId + "-" + customerId)).click();
            return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#unmatched-" + messageId + " .call__done"))).getText();
        }
    }

    static final class TemplatesPage {
        private final ConsoleBrowser browser;

        TemplatesPage(ConsoleBrowser browser) {
            this.browser = browser;
            browser.wait.until(ExpectedConditions.titleContains("Templates"));
            browser.visible(By.id("templates"));
        }

        static TemplatesPage open(ConsoleBrowser browser) {
            browser.open("/templates");
            return new TemplatesPage(browser);
        }

        String table() {
            return browser.visible(By.id("templates")).getText();
        }

        TemplatePreviewPage preview(String channel, String templateKey, String locale) {
            browser.visible(By.id("preview-" + channel + "-" + templateKey + "-" + locale)).click();
            return new TemplatePreviewPage(browser);
        }
    }

    static final class TemplatePreviewPage {
        private final ConsoleBrowser browser;

        TemplatePreviewPage(ConsoleBrowser browser) {
            this.browser = browser;
            browser.wait.until(ExpectedConditions.titleContains("Template"));
            browser.visible(By.id("preview"));
        }

        String subject() {
            return browser.visible(By.id("preview-subject")).getText();
        }

        String text() {
            return browser.visible(By.id("preview-text")).getText();
        }

        /** The email's HTML as the sandboxed frame shows it. */
        String htmlAsShown() {
            WebElement frame = browser.visible(By.id("preview-html"));
            browser.driver.switchTo().frame(frame);
            try {
                return browser.wait.until(driver -> {
                    String text = driver.findElement(By.tagName("body")).getText();
                    return text.isBlank() ? null : text;
                });
            } finally {
                browser.driver.switchTo().defaultContent();
            }
        }

        TemplatePreviewPage locale(String code) {
            browser.visible(By.id("locale-" + code)).click();
            browser.wait.until(ExpectedConditions.attributeToBe(By.id("locale-" + code), "aria-current", "page"));
            return new TemplatePreviewPage(browser);
        }
    }
}
