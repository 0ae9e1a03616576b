package dev.tend.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tend.infra.TendSystem;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The staff console's render budget: with a full worklist (feedback-resolution calls and texted replies, the size of
 * {@link Settings#consoleWorklistItems()}) and a few unmatched texts, each page is requested by a signed-in admin,
 * one request at a time, and timed from the request to the last byte of the page on loopback: the console's own work
 * (its calls to the three services and the Qute rendering) plus a local round trip. Target: under 300 ms.
 */
final class ConsoleBenchmark {

    /** The default clinic's zone, in which the worklist's days are counted. */
    private static final ZoneId CLINIC = ZoneId.of("Europe/London");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final int WARM_UP = 3;
    /** The console's {@code tend.console.worklist-page-size} default: Today shows the worklist this many items a page. */
    private static final int TODAY_PAGE_SIZE = 25;

    record PageTimes(String page, String path, int bytes, Latencies latencies) {
    }

    record Result(int worklistItems, int listed, int requestsPerPage, List<PageTimes> pages) {
    }

    private final TendSystem system;
    private final Settings settings;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ConsoleBenchmark(TendSystem system, Settings settings) {
        this.system = system;
        this.settings = settings;
    }

    Result run() throws Exception {
        int items = settings.consoleWorklistItems();
        int replies = Math.max(1, items / 7);
        int calls = items - replies;
        List<String> customers = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            String phone = String.format("+4474003%05d", i);
            customers.add(Http.id(Http.post(system.customerService().baseUrl() + "/customers",
                    "{\"name\":\"Console Customer " + i + "\",\"phones\":[\"" + phone + "\"],"
                            + "\"emails\":[\"console" + i + "@example.com\"],"
                            + "\"timezone\":\"Europe/London\",\"locale\":\"en-GB\","
                            + "\"consents\":[{\"channel\":\"SMS\",\"granted\":true},{\"channel\":\"PHONE\",\"granted\":true}]}").body()));
            phones.add(phone);
        }
        // followup-service and notification-service must know every household first.
        Quiet.await(system, Duration.ofMinutes(3));
        for (int i = 0; i < calls; i++) {
            Http.post(system.followupService().baseUrl() + "/customers/" + customers.get(i) + "/feedback",
                    "{\"rating\":1,\"comment\":\"We waited an hour and nobody told us why\"}");
        }
        String webhook = system.notificationService().baseUrl() + "/webhooks/twilio/inbound";
        for (int i = calls; i < items; i++) {
            system.smsStandIn().textIn(webhook, phones.get(i), TendSystem.SMS_SENDER, i % 5 == 0
                    ? "She collapsed after the tablets and is bleeding, what do we do?"
                    : "Hello, the tablets you gave us yesterday are making her sleepy, is that normal?");
        }
        for (int i = 0; i < Math.max(1, items / 20); i++) {
            system.smsStandIn().textIn(webhook, String.format("+4474009%05d", i), TendSystem.SMS_SENDER,
                    "Is this the vet? It's Jo, new number");
        }
        // A reply is due at the next opening outside clinic hours: the Today page is read for a week ahead, where all are.
        LocalDate day = LocalDate.now(CLINIC).plusDays(7);
        int listed = awaitWorklist(day, items, Duration.ofMinutes(3));

        signIn();
        Map<String, String> pages = new LinkedHashMap<>();
        int lastPage = Math.max(1, (listed + TODAY_PAGE_SIZE - 1) / TODAY_PAGE_SIZE);
        pages.put("Today (" + listed + " items, page 1 of " + lastPage + ")", "/today?date=" + day + "&team=front-desk");
        pages.put("Today, last page", "/today?date=" + day + "&team=front-desk&page=" + lastPage);
        pages.put("Inbox", "/inbox");
        pages.put("Households search", "/households?q=Console+Customer+1");
        pages.put("Household", "/households/" + customers.get(0));
        pages.put("Postcards", "/postcards");
        pages.put("Playbooks", "/playbooks");
        pages.put("Playbook", "/playbooks/default-veterinary");
        pages.put("Templates", "/templates");
        pages.put("Template preview", "/templates/EMAIL/visit-thank-you?locale=pt");
        pages.put("Accounts", "/admin/accounts");
        int requests = settings.quick() ? 3 : 30;
        List<PageTimes> times = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            int bytes = 0;
            for (int i = 0; i < WARM_UP; i++) {
                bytes = get(page.getValue()).length();
            }
            List<Long> samples = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                get(page.getValue());
                samples.add(System.nanoTime() - start);
            }
            times.add(new PageTimes(page.getKey(), page.getValue(), bytes, new Latencies(samples)));
        }
        return new Result(items, listed, requests, times);
    }

    /** Signs in as the first admin, as a browser does: the sign-in form's CSRF token, then the session cookie. */
    private void signIn() throws IOException, InterruptedException {
        String base = system.console().baseUrl();
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        if (!csrf.find()) {
            throw new IOException("no CSRF token on the sign-in page: " + form.statusCode());
        }
        String body = "username=" + encode(TendSystem.CONSOLE_ADMIN) + "&password=" + encode(system.consoleAdminPassword())
                + "&csrf=" + encode(csrf.group(1)) + "&next=" + encode("/today");
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 303) {
            throw new IOException("sign-in answered " + signedIn.statusCode());
        }
    }

    /** A page, which must answer 200 (a sign-in redirect or an error page would time the wrong thing). */
    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(system.console().baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Reads the worklist until it lists {@code expected} items or {@code atMost} passed; how many it lists. */
    private int awaitWorklist(LocalDate day, int expected, Duration atMost) throws Exception {
        String url = system.followupService().baseUrl() + "/worklist?team=front-desk&date=" + day;
        long deadline = System.nanoTime() + atMost.toNanos();
        int listed = 0;
        while (System.nanoTime() < deadline) {
            JsonNode worklist = json.readTree(Http.getBody(url));
            listed = worklist.size();
            if (listed >= expected) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        return listed;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
