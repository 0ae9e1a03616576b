package dev.tend.systemtests.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.tend.systemtests.hostile.Field.optional;
import static dev.tend.systemtests.hostile.Field.required;
import static dev.tend.systemtests.hostile.Field.text;
import static dev.tend.systemtests.hostile.FieldKind.BOOLEAN;
import static dev.tend.systemtests.hostile.FieldKind.DATE;
import static dev.tend.systemtests.hostile.FieldKind.DATE_TIME;
import static dev.tend.systemtests.hostile.FieldKind.ENUM;
import static dev.tend.systemtests.hostile.FieldKind.INTEGER;
import static dev.tend.systemtests.hostile.FieldKind.OBJECT;
import static dev.tend.systemtests.hostile.FieldKind.OBJECT_LIST;
import static dev.tend.systemtests.hostile.FieldKind.UUID;

/** followup-service, aimed at one household and a call on its worklist, and at the default playbook. */
public record FollowupApi(UUID customerId, UUID callId) implements ApiCatalogue {

    public static final String PLAYBOOK = "default-veterinary";

    @Override
    public String service() {
        return "followup-service";
    }

    @Override
    public int bodyLimitBytes() {
        return 1024 * 1024;
    }

    @Override
    public List<Endpoint> bodyEndpoints() {
        Map<String, Object> step = Map.of("key", "s", "channels", List.of("EMAIL"), "templateKey", "visit-thank-you",
                "priority", "CLINICAL", "timing", Map.of("anchor", "EVENT", "days", 1, "at", "10:00"));
        Map<String, Object> rule = Map.of("key", "r", "trigger", Map.of("event", "VISIT_RECORDED"), "steps", List.of(step));
        List<Field> playbookFields = List.of(
                text("key", true, 63, "UPPER CASE", "'; DROP TABLE playbook; --", "../x"),
                text("name", false, 0),
                optional("enabled", BOOLEAN),
                required("rules", OBJECT_LIST, List.of(Map.of("key", "r")),
                        List.of(Map.of("key", "r", "trigger", Map.of("event", "EXPLODED"), "steps", List.of(step))),
                        List.of(Map.of("key", "r", "trigger", Map.of("event", "VISIT_RECORDED"),
                                "steps", List.of(Map.of("key", "s", "channels", List.of("FAX")))))));
        Map<String, Object> newPlaybook = new LinkedHashMap<>();
        newPlaybook.put("key", "hostile-probe");
        newPlaybook.put("name", "Probe");
        newPlaybook.put("enabled", true);
        newPlaybook.put("rules", List.of(rule));
        Map<String, Object> newVersion = new LinkedHashMap<>(newPlaybook);
        newVersion.put("key", PLAYBOOK);

        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("visitType", "wellness");
        visit.put("visitedAt", "2026-01-10T10:00:00Z");
        visit.put("recheckDate", "2026-01-20");
        Map<String, Object> dryRun = new LinkedHashMap<>();
        dryRun.put("visit", visit);

        Map<String, Object> feedback = new LinkedHashMap<>();
        feedback.put("rating", 4);
        feedback.put("comment", "lovely");
        String call = "/worklist/" + callId;
        return List.of(
                new Endpoint("POST", "/customers/" + customerId + "/feedback", feedback, List.of(
                        required("rating", INTEGER, 0, 6, -1, 2_147_483_648L),
                        text("comment", false, 4000),
                        optional("taskId", UUID, java.util.UUID.randomUUID().toString())), Map.of()),
                Endpoint.of("POST", call + "/complete", Map.of("outcome", "REACHED", "note", "ok", "completedBy", "Sam"),
                        required("outcome", ENUM, "HUNG_UP"), text("note", false, 4000), text("completedBy", false, 200)),
                Endpoint.of("POST", call + "/snooze", Map.of("until", "2099-01-01T10:00:00Z"),
                        required("until", DATE_TIME, "2000-01-01T00:00:00Z")),
                Endpoint.of("POST", call + "/assign", Map.of("assignee", "Sam", "team", "nurses"),
                        text("assignee", false, 200), text("team", false, 100)),
                new Endpoint("POST", "/playbooks", newPlaybook, playbookFields, Map.of()),
                new Endpoint("PUT", "/playbooks/" + PLAYBOOK, newVersion, playbookFields, Map.of()),
                Endpoint.of("POST", "/playbooks/" + PLAYBOOK + "/dry-run", dryRun,
                        required("visit", OBJECT), required("visit.visitedAt", DATE_TIME), required("visit.visitType", FieldKind.TEXT),
                        optional("visit.recheckDate", DATE), optional("visit.petId", UUID),
                        optional("customerId", UUID, java.util.UUID.randomUUID().toString()),
                        optional("version", INTEGER, 99_999, -1)));
    }

    @Override
    public List<HostileRequest> otherRequests(Requests r) {
        List<HostileRequest> all = new ArrayList<>();
        for (String bad : HostileStrings.BAD_IDS) {
            all.add(r.get("bad id", "/customers/" + bad + "/tasks"));
            all.add(r.get("bad id", "/customers/" + bad + "/timeline"));
            all.add(r.json("bad id", "POST", "/customers/" + bad + "/feedback", "{\"rating\":5}"));
            all.add(r.get("bad id", "/worklist/" + bad));
            all.add(r.json("bad id", "POST", "/worklist/" + bad + "/complete", "{\"outcome\":\"REACHED\"}"));
            all.add(r.json("bad id", "POST", "/worklist/" + bad + "/snooze", "{\"until\":\"2099-01-01T10:00:00Z\"}"));
            all.add(r.json("bad id", "POST", "/worklist/" + bad + "/assign", "{\"assignee\":\"Sam\"}"));
            all.add(r.get("bad playbook key", "/playbooks/" + bad));
            all.add(r.get("bad playbook key", "/playbooks/" + bad + "/versions"));
            if (!bad.equals("1")) {
                all.add(r.get("bad version", "/playbooks/" + PLAYBOOK + "/versions/" + bad));
            }
            all.add(r.json("bad playbook key", "POST", "/playbooks/" + bad + "/dry-run",
                    "{\"visit\":{\"visitType\":\"wellness\",\"visitedAt\":\"2026-01-10T10:00:00Z\"}}"));
        }
        String tasks = "/customers/" + customerId + "/tasks?";
        for (String query : List.of("status=BOGUS", "status=%27%20OR%201%3D1", "page=-1", "page=abc", "size=0", "size=1001",
                "size=abc", "size=99999999999")) {
            all.add(r.get("bad query " + query, tasks + query));
            if (!query.startsWith("status")) {
                all.add(r.get("bad query " + query, "/customers/" + customerId + "/timeline?" + query));
            }
        }
        for (String date : List.of("2026-99-99", "yesterday", "%27%20OR%201%3D1", "2026-02-30", "x".repeat(300))) {
            all.add(r.get("bad date " + date.length(), "/worklist?date=" + date));
        }
        all.add(r.get("unknown call", "/worklist/" + java.util.UUID.randomUUID()));
        all.add(r.json("unknown call", "POST", "/worklist/" + java.util.UUID.randomUUID() + "/complete", "{\"outcome\":\"REACHED\"}"));
        all.add(r.json("existing playbook key", "POST", "/playbooks",
                "{\"key\":\"" + PLAYBOOK + "\",\"name\":\"x\",\"rules\":[]}"));
        all.add(r.json("unknown playbook", "PUT", "/playbooks/no-such-playbook", "{\"key\":\"no-such-playbook\",\"name\":\"x\",\"rules\":[]}"));
        all.add(r.json("key differs from path", "PUT", "/playbooks/" + PLAYBOOK, "{\"key\":\"another\",\"name\":\"x\",\"rules\":[]}"));
        for (RawBodies.Raw raw : RawBodies.forBody(Map.of("key", "x"))) {
            // An empty body is a document to judge, like any other: the answer is {valid: false}.
            if (!raw.attack().startsWith("JSON") && !raw.attack().equals("empty body")) {
                all.add(r.send(raw.attack(), "POST", "/playbooks/validate", Requests.JSON, raw.body(), null));
            }
        }
        return all;
    }
}
