package dev.tend.systemtests.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tend.systemtests.hostile.Field.optional;
import static dev.tend.systemtests.hostile.Field.text;
import static dev.tend.systemtests.hostile.FieldKind.OBJECT;

/** notification-service, aimed at its templates, a household's notifications, and its public endpoints. */
public record NotificationApi(UUID customerId, UUID notificationId, String phone) implements ApiCatalogue {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final List<String> BAD_TEMPLATE_KEYS = List.of("NOT-VALID", "with%20space", "..%2F..%2Fetc%2Fpasswd",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%27%20OR%201%3D1", "%00", "%E2%80%AE", "%7B%23include%7D", "a_b", "UPPER");
    /** Not BCP 47 at all ("UPPER" and "NOT-VALID" are well-formed tags, case aside). */
    private static final List<String> BAD_LOCALES = List.of("with%20space", "..%2F..%2Fetc%2Fpasswd",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%27%20OR%201%3D1", "%00", "%E2%80%AE", "%7B%23include%7D", "a_b",
            "en-GB-" + "x".repeat(80), "123");

    @Override
    public String service() {
        return "notification-service";
    }

    @Override
    public int bodyLimitBytes() {
        return 1024 * 1024;
    }

    @Override
    public List<Endpoint> bodyEndpoints() {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("subject", "Hello {customerName}");
        template.put("text", "Hello {customerName}");
        template.put("html", "<p>Hello {customerName}</p>");
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("channel", "EMAIL");
        preview.put("templateKey", "visit-thank-you");
        preview.put("locale", "en-GB");
        preview.put("data", Map.of("customerName", "Probe"));
        return List.of(
                Endpoint.of("PUT", "/templates/EMAIL/visit-thank-you/en-GB", template,
                        text("subject", true, 0, "", "{petNmae}"),
                        text("text", true, 0, "", "{petNmae}", "{#if}", "{#include /etc/passwd}", "{#for x in}"),
                        text("html", false, 0, "{#each}", "{customerName.getClass()}")),
                Endpoint.of("POST", "/templates/preview", preview,
                        text("channel", true, 0, "FAX", "PHONE", "<script>alert(1)</script>", "'; DROP TABLE message_template; --"),
                        text("templateKey", false, 0, "NOT VALID", "../../etc/passwd", "no-such-template"),
                        // A preview in a locale without templates shows the default one: any locale previews.
                        text("locale", false, 0),
                        optional("data", OBJECT, Map.of("customerName", Map.of("nested", 1)))));
    }

    @Override
    public List<HostileRequest> otherRequests(Requests r) {
        List<HostileRequest> all = new ArrayList<>();
        String validTemplate = "{\"subject\":\"Hi\",\"text\":\"Hi\",\"html\":\"<p>Hi</p>\"}";
        for (String bad : HostileStrings.BAD_IDS) {
            all.add(r.get("bad id", "/notifications/" + bad));
            all.add(r.get("bad id", "/notifications/" + bad + "/content"));
            all.add(r.get("bad id", "/notifications/" + bad + "/card.pdf"));
            all.add(r.get("bad id", "/print-jobs/" + bad));
            all.add(r.get("bad id", "/print-jobs/" + bad + "/pdf"));
            all.add(r.get("bad id", "/print-jobs/" + bad + "/manifest"));
            all.add(r.send("bad id", "POST", "/print-jobs/" + bad + "/approve", null, null, null));
            all.add(r.get("bad channel", "/templates/" + bad + "/visit-thank-you"));
            all.add(r.json("bad channel", "PUT", "/templates/" + bad + "/visit-thank-you/en-GB", validTemplate));
            all.add(unsigned(r, "bad unsubscribe token", "GET", "/unsubscribe/" + bad, null, null));
            all.add(unsigned(r, "bad unsubscribe token", "POST", "/unsubscribe/" + bad, FORM, "List-Unsubscribe=One-Click"));
        }
        // Template keys and locales are free-form within their patterns: only values outside the patterns are bad.
        for (String bad : BAD_TEMPLATE_KEYS) {
            all.add(r.get("bad template key", "/templates/EMAIL/" + bad));
            all.add(r.json("bad template key", "PUT", "/templates/EMAIL/" + bad + "/en-GB", validTemplate));
        }
        for (String bad : BAD_LOCALES) {
            all.add(r.json("bad locale", "PUT", "/templates/EMAIL/visit-thank-you/" + bad, validTemplate));
            all.add(r.send("bad locale", "DELETE", "/templates/EMAIL/visit-thank-you/" + bad, null, null, null));
        }
        all.add(r.send("no stored template", "DELETE", "/templates/EMAIL/visit-thank-you/en-GB", null, null, null));
        all.add(r.send("unknown print job", "POST", "/print-jobs/" + UUID.randomUUID() + "/approve", null, null, null));
        all.add(r.get("no filter", "/notifications"));
        for (String query : List.of("customerId=not-a-uuid", "status=EXPLODED", "status=%27%20OR%201%3D1",
                "customerId=" + customerId + "&page=-1", "customerId=" + customerId + "&size=0",
                "customerId=" + customerId + "&size=201", "customerId=" + customerId + "&size=abc",
                "customerId=" + customerId + "&page=abc")) {
            all.add(r.get("bad query " + query, "/notifications?" + query));
        }
        for (String query : List.of("page=-1", "size=0", "size=201", "size=abc")) {
            all.add(r.get("bad query " + query, "/print-jobs?" + query));
        }
        all.add(r.get("unknown notification", "/notifications/" + UUID.randomUUID()));
        all.add(r.get("no card", "/notifications/" + notificationId + "/card.pdf"));
        String stop = "From=" + phone.replace("+", "%2B") + "&Body=STOP&MessageSid=SM1";
        for (String path : List.of("/webhooks/twilio/inbound", "/webhooks/twilio/status")) {
            all.add(unsigned(r, "webhook unsigned", "POST", path, FORM, stop));
            all.add(withSignature(unsigned(r, "webhook badly signed", "POST", path, FORM, stop), "bm90IGEgc2lnbmF0dXJl"));
            all.add(withSignature(unsigned(r, "webhook signature injection", "POST", path, FORM, stop), "' OR 1=1 --"));
            all.add(unsigned(r, "webhook as JSON", "POST", path, Requests.JSON, "{\"From\":\"" + phone + "\",\"Body\":\"STOP\"}"));
            all.add(unsigned(r, "webhook empty", "POST", path, FORM, ""));
            all.add(unsigned(r, "webhook without type", "POST", path, null, stop));
            all.add(unsigned(r, "webhook bad encoding", "POST", path, FORM, "From=%ZZ&Body=%"));
            all.add(unsigned(r, "webhook beyond the body limit", "POST", path, FORM, "Body=" + "s".repeat(bodyLimitBytes() + 1024)));
        }
        return all;
    }

    private static HostileRequest unsigned(Requests r, String attack, String method, String path, String contentType, String body) {
        HostileRequest request = r.send(attack, method, path, contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), null);
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.remove("Authorization");
        return new HostileRequest(attack, method, path, headers, request.body(), null);
    }

    private static HostileRequest withSignature(HostileRequest request, String signature) {
        return CustomerApi.withHeader(request, "X-Twilio-Signature", signature);
    }
}
