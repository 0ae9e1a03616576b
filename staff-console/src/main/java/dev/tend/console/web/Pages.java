package dev.tend.console.web;

import dev.tend.console.StaffAccount;
import dev.tend.console.clients.CustomerClient;
import dev.tend.console.clients.FollowupClient;
import dev.tend.console.clients.HouseholdAudit;
import dev.tend.console.clients.NotificationClient;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The console's pages and their fragments (an htmx swap renders a fragment of its page's own template). */
@CheckedTemplate
public class Pages {

    public static native TemplateInstance error(String title, String message, int status);

    public static native TemplateInstance signIn(String username, String message, String next, String csrf);

    public static native TemplateInstance today(TodayView view);

    public static native TemplateInstance today$call(WorklistItem item);

    public static native TemplateInstance today$counts(TodayView view);

    public static native TemplateInstance inbox(InboxView view);

    public static native TemplateInstance inbox$reply(InboxView.ReplyItem item);

    public static native TemplateInstance inbox$unmatched(InboxView.UnmatchedItem item);

    public static native TemplateInstance templates(List<TemplatesView.Row> rows, String problem);

    public static native TemplateInstance template(TemplatesView.PreviewView view);

    public static native TemplateInstance postcards(List<NotificationClient.PrintJob> awaiting, List<NotificationClient.PrintJob> past);

    public static native TemplateInstance postcard(NotificationClient.PrintJob job, boolean awaiting, List<Side> sides,
                                                   String manifest, boolean approved, String problem);

    public static native TemplateInstance households(String q, List<CustomerClient.Customer> results, boolean searched,
                                                     String problem);

    public static native TemplateInstance household(CustomerClient.Customer customer, List<CustomerClient.Pet> pets,
                                                    List<CustomerClient.Visit> visits, List<FollowupClient.Task> upcoming,
                                                    List<FollowupClient.TimelineEntry> timeline, List<String> kinds,
                                                    String kind, boolean recorded, FeedbackForm feedback,
                                                    HouseholdAudit.Trail audit);

    public static native TemplateInstance playbooks(List<FollowupClient.Playbook> playbooks);

    public static native TemplateInstance playbook(FollowupClient.Playbook playbook, List<String> sentences, String definition,
                                                   List<FollowupClient.Violation> violations, boolean saved, DryRunView dryRun);

    public static native TemplateInstance accounts(List<StaffAccount> accounts, AccountForm form, String created);

    /** One printed side of one card in a print job's PDF. */
    public record Side(int index, String label) {
        public static Side of(int index) {
            return new Side(index, "Card " + (index / 2 + 1) + ", " + (index % 2 == 0 ? "front" : "back"));
        }
    }

    /** A dry run's form as entered, and what it would plan (or why it could not run). */
    public record DryRunView(String visitType, String visitedAt, String recheckDate, List<FollowupClient.PlannedTask> planned,
                             boolean ran, String problem) {
        private static final List<String> TYPES = List.of("wellness", "vaccination", "treatment", "surgery", "dental",
                "consultation", "recheck", "emergency", "meeting", "other");

        public static DryRunView empty(String now) {
            return new DryRunView("surgery", now, null, List.of(), false, null);
        }

        public List<String> types() {
            return TYPES;
        }
    }

    /** The feedback form as entered, with a message per field at fault. */
    public record FeedbackForm(String comment, Map<String, String> errors) {
        public static FeedbackForm empty() {
            return new FeedbackForm("", Map.of());
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    /** The admin's form for a new account, as entered, with a message per field at fault. */
    public record AccountForm(String username, String displayName, String team, boolean admin, Map<String, String> errors) {
        public static AccountForm empty() {
            return new AccountForm("", "", "", false, Map.of());
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    /**
     * Today's page: the chosen date and team, the items in the order to work them, and the counts at the top
     * (followup-service's summary of the day; without it, counted from the items listed).
     */
    /**
     * Today: {@code items} are the page shown ({@code page}) of the day's {@code listed} items, which the counts fall back
     * on when followup-service gave none.
     */
    public record TodayView(LocalDate date, String team, List<WorklistItem> items, List<WorklistItem> listed,
                            WorklistPage page, FollowupClient.Summary summary, String problem) {

        /** The counts alone, swapped out of band after an action. */
        public static TodayView counts(LocalDate date, String team, List<WorklistItem> listed, FollowupClient.Summary summary) {
            return new TodayView(date, team, List.of(), listed, WorklistPage.of(1, 1, 0), summary, null);
        }

        public long due() {
            return summary != null ? summary.callsDue()
                    : listed.stream().filter(item -> item.done() == null && !item.call().reply()).count();
        }

        public long replies() {
            return summary != null ? summary.repliesWaiting()
                    : listed.stream().filter(item -> item.done() == null && item.call().reply()).count();
        }

        public long overdue() {
            return summary != null ? summary.overdue()
                    : listed.stream().filter(item -> item.done() == null && item.call().overdue()).count();
        }

        public String pageLink(int number) {
            return WorklistPage.link(date, team, number);
        }

        public String doneToday() {
            return summary != null ? Long.toString(summary.doneToday()) : "–";
        }
    }
}
