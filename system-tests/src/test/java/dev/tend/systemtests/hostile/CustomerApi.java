package dev.tend.systemtests.hostile;

import java.nio.charset.StandardCharsets;
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
import static dev.tend.systemtests.hostile.FieldKind.INTEGER;
import static dev.tend.systemtests.hostile.FieldKind.OBJECT;
import static dev.tend.systemtests.hostile.FieldKind.OBJECT_LIST;
import static dev.tend.systemtests.hostile.FieldKind.TEXT_LIST;
import static dev.tend.systemtests.hostile.FieldKind.UUID;

/** customer-service, aimed at one household with a pet and a visit. */
public record CustomerApi(UUID customerId, UUID petId, UUID visitId, long customerVersion, long petVersion,
                          long visitVersion) implements ApiCatalogue {

    private static final Map<String, Object> ADDRESS = Map.of("line1", "1 High Street", "city", "Leeds",
            "postalCode", "LS1 1AA", "country", "GB");

    @Override
    public String service() {
        return "customer-service";
    }

    @Override
    public int bodyLimitBytes() {
        return 6 * 1024 * 1024;
    }

    @Override
    public List<Endpoint> bodyEndpoints() {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("name", "Hostile Probe");
        customer.put("emails", List.of("probe@example.com"));
        customer.put("phones", List.of("+442079460018"));
        customer.put("postalAddress", ADDRESS);
        customer.put("timezone", "Europe/London");
        customer.put("locale", "en-GB");
        customer.put("preferredChannels", List.of("EMAIL"));
        customer.put("tags", List.of("probe"));
        customer.put("notes", "a note");
        List<Field> customerFields = List.of(
                text("name", true, 200, "   "),
                optional("emails", TEXT_LIST, List.of("not-an-email"), List.of(""), List.of("a@b.c", "d@e.f", "g@h.i", "j@k.l", "m@n.o", "p@q.r"),
                        List.of("' OR 1=1 --@example.com")),
                optional("phones", TEXT_LIST, List.of("x".repeat(33)), List.of("call me maybe"), List.of("<script>alert(1)</script>")),
                optional("postalAddress", OBJECT, Map.of("line1", "x", "city", "y", "country", "gb"),
                        Map.of("city", "Leeds", "country", "GB"), Map.of("line1", "1 High St", "city", "Leeds", "country", "'; DROP TABLE customer; --")),
                text("timezone", true, 64, "Mars/Olympus_Mons", "'; DROP TABLE customer; --", "../../etc/passwd"),
                text("locale", true, 35),
                optional("preferredChannels", TEXT_LIST, List.of("FAX"), List.of("EMAIL", "SMS", "POST", "PHONE", "EMAIL")),
                optional("tags", TEXT_LIST, List.of("UPPER"), List.of("<script>"), List.of("' or 1=1"), List.of("a".repeat(41))),
                text("notes", false, 4000));
        Map<String, Object> newCustomer = new LinkedHashMap<>(customer);
        newCustomer.put("consents", List.of(Map.of("channel", "EMAIL", "granted", true)));
        List<Field> newCustomerFields = new ArrayList<>(customerFields);
        newCustomerFields.add(optional("consents", OBJECT_LIST, List.of(Map.of("channel", "FAX", "granted", true)),
                List.of(Map.of("channel", "EMAIL"))));

        Map<String, Object> pet = new LinkedHashMap<>();
        pet.put("name", "Probe");
        pet.put("species", "dog");
        pet.put("breed", "collie");
        pet.put("birthDate", "2020-01-01");
        List<Field> petFields = List.of(text("name", true, 100), text("species", true, 50), text("breed", false, 100),
                optional("birthDate", DATE, "2999-01-01"));
        Map<String, Object> newPet = new LinkedHashMap<>(pet);
        newPet.put("customerId", customerId.toString());
        List<Field> newPetFields = new ArrayList<>(petFields);
        newPetFields.add(required("customerId", UUID, java.util.UUID.randomUUID().toString()));

        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("petId", petId.toString());
        visit.put("visitType", "wellness");
        visit.put("reason", "a probe");
        visit.put("staffMember", "Dr. Probe");
        visit.put("visitedAt", "2026-01-10T10:00:00Z");
        visit.put("recheckDate", "2026-01-20");
        visit.put("notes", "notes");
        visit.put("outcome", "fine");
        List<Field> visitFields = List.of(
                optional("petId", UUID, java.util.UUID.randomUUID().toString()),
                text("visitType", true, 0, "spa-day", "WELLNESS", "'; DROP TABLE visit; --", "<script>alert(1)</script>"),
                text("reason", false, 500), text("staffMember", false, 200),
                required("visitedAt", DATE_TIME),
                optional("recheckDate", DATE, "2025-01-01"),
                text("notes", false, 4000), text("outcome", false, 500));
        Map<String, Object> newVisit = new LinkedHashMap<>(visit);
        newVisit.put("customerId", customerId.toString());
        List<Field> newVisitFields = new ArrayList<>(visitFields);
        newVisitFields.add(required("customerId", UUID, java.util.UUID.randomUUID().toString()));

        Field version = optional("version", INTEGER);
        return List.of(
                new Endpoint("POST", "/customers", newCustomer, newCustomerFields, Map.of()),
                new Endpoint("PUT", "/customers/" + customerId, customer, plus(customerFields, version), ifMatch(customerVersion)),
                Endpoint.of("PUT", "/customers/" + customerId + "/consents/EMAIL", Map.of("granted", false, "source", "probe"),
                        required("granted", BOOLEAN), text("source", true, 100, "")),
                new Endpoint("POST", "/pets", newPet, newPetFields, Map.of()),
                new Endpoint("PUT", "/pets/" + petId, pet, plus(petFields, version), ifMatch(petVersion)),
                Endpoint.of("POST", "/pets/" + petId + "/death", Map.of("diedOn", "2026-01-01"), required("diedOn", DATE, "2999-12-31", "2019-01-01")),
                new Endpoint("POST", "/visits", newVisit, newVisitFields, Map.of()),
                new Endpoint("PUT", "/visits/" + visitId, visit, plus(visitFields, version), ifMatch(visitVersion)),
                Endpoint.of("POST", "/visits/" + visitId + "/cancellation", Map.of("reason", "probe"), text("reason", true, 500, " ")));
    }

    @Override
    public List<HostileRequest> otherRequests(Requests r) {
        List<HostileRequest> all = new ArrayList<>();
        for (String bad : HostileStrings.BAD_IDS) {
            all.add(r.get("bad id", "/customers/" + bad));
            all.add(r.get("bad id", "/customers/" + bad + "/consents"));
            all.add(r.get("bad id", "/customers/" + bad + "/pets"));
            all.add(r.get("bad id", "/pets/" + bad));
            all.add(r.get("bad id", "/pets/" + bad + "/photo"));
            all.add(r.get("bad id", "/visits/" + bad));
            all.add(r.send("bad id", "DELETE", "/customers/" + bad, null, null, null));
            all.add(r.send("bad id", "POST", "/pets/" + bad + "/rehoming", null, null, null));
            all.add(r.json("bad id", "PUT", "/customers/" + bad + "/consents/EMAIL", "{\"granted\":true,\"source\":\"x\"}"));
            all.add(r.json("bad channel", "PUT", "/customers/" + customerId + "/consents/" + bad, "{\"granted\":true,\"source\":\"x\"}"));
        }
        all.add(r.json("unknown channel", "PUT", "/customers/" + customerId + "/consents/FAX", "{\"granted\":true,\"source\":\"x\"}"));
        all.add(r.send("unknown customer", "DELETE", "/customers/" + java.util.UUID.randomUUID(), null, null, null));
        for (String query : List.of("page=-1", "page=abc", "size=0", "size=201", "size=abc", "size=99999999999",
                "q=" + "x".repeat(201), "tag=" + "t".repeat(41), "page=1e9", "size=%00")) {
            all.add(r.get("bad query " + query.substring(0, Math.min(query.length(), 20)), "/customers?" + query));
        }
        for (String query : List.of("", "customerId=not-a-uuid", "customerId=%27%20OR%201%3D1", "customerId=" + customerId + "&petId=x",
                "customerId=" + customerId + "&from=yesterday", "customerId=" + customerId + "&to=2026-13-01T00:00:00Z",
                "customerId=" + customerId + "&page=-5", "customerId=" + customerId + "&size=0", "customerId=" + customerId + "&size=1000")) {
            all.add(r.get("bad query " + query, "/visits?" + query));
        }
        for (String ifMatch : List.of("abc", "\"abc\"", "W/\"x\"", "*", "\"-1\"", "\"99999\"", "\"99999999999999999999999\"",
                "\"1\", \"2\"", "' OR 1=1 --")) {
            all.add(withHeader(r.json("If-Match " + ifMatch, "PUT", "/customers/" + customerId, validCustomerChanges()), "If-Match", ifMatch));
            all.add(withHeader(r.json("If-Match " + ifMatch, "PUT", "/pets/" + petId, "{\"name\":\"P\",\"species\":\"dog\"}"), "If-Match", ifMatch));
            all.add(withHeader(r.json("If-Match " + ifMatch, "PUT", "/visits/" + visitId,
                    "{\"visitType\":\"wellness\",\"visitedAt\":\"2026-01-10T10:00:00Z\"}"), "If-Match", ifMatch));
        }
        all.add(r.json("no If-Match", "PUT", "/customers/" + customerId, validCustomerChanges()));
        for (String key : List.of("k".repeat(201), "k".repeat(5000))) {
            all.add(withHeader(r.json("Idempotency-Key " + key.length() + " chars", "POST", "/customers",
                    "{\"name\":\"Key Probe\",\"timezone\":\"Europe/London\",\"locale\":\"en-GB\"}"), "Idempotency-Key", key));
            all.add(withHeader(r.json("Idempotency-Key " + key.length() + " chars", "POST", "/visits",
                    "{\"customerId\":\"" + customerId + "\",\"visitType\":\"wellness\",\"visitedAt\":\"2026-01-10T10:00:00Z\"}"),
                    "Idempotency-Key", key));
        }
        String photo = "/pets/" + petId + "/photo";
        all.add(r.send("photo not an image", "PUT", photo, "image/jpeg", "<?php system($_GET['c']); ?>".getBytes(StandardCharsets.UTF_8), null));
        all.add(r.send("photo PNG header only", "PUT", photo, "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, null));
        all.add(r.send("photo empty", "PUT", photo, "image/jpeg", new byte[0], null));
        all.add(r.send("photo as GIF", "PUT", photo, "image/gif", "GIF89a".getBytes(StandardCharsets.US_ASCII), null));
        all.add(r.send("photo as JSON", "PUT", photo, Requests.JSON, "{}".getBytes(StandardCharsets.US_ASCII), null));
        all.add(r.send("photo without type", "PUT", photo, null, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, null));
        all.add(r.send("photo beyond the body limit", "PUT", photo, "image/jpeg", new byte[7 * 1024 * 1024], null));
        all.add(r.send("photo over 5 MB", "PUT", photo, "image/png", new byte[5 * 1024 * 1024 + 10], null));
        return all;
    }

    private String validCustomerChanges() {
        return "{\"name\":\"Changed\",\"timezone\":\"Europe/London\",\"locale\":\"en-GB\"}";
    }

    static HostileRequest withHeader(HostileRequest request, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put(name, value);
        return new HostileRequest(request.attack(), request.method(), request.path(), headers, request.body(), request.expectedField());
    }

    private static Map<String, String> ifMatch(long version) {
        return Map.of("If-Match", "\"" + version + "\"");
    }

    private static List<Field> plus(List<Field> fields, Field more) {
        List<Field> all = new ArrayList<>(fields);
        all.add(more);
        return all;
    }
}
