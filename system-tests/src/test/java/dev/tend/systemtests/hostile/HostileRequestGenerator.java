package dev.tend.systemtests.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns a service's catalogue into at least N hostile requests, the same ones for the same seed: every single-field
 * fault of every body, every raw-body attack, wrong content types, missing and bad tokens, then faults combined with
 * randomly chosen hostile strings until there are enough.
 */
public final class HostileRequestGenerator {

    /** Content types a JSON operation must refuse (null: none at all). */
    static final List<String> WRONG_CONTENT_TYPES = Arrays.asList("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "image/png", null);
    static final List<String> BAD_TOKENS = Arrays.asList(null, "Bearer", "Bearer not.a.jwt", "Basic YWRtaW46YWRtaW4=",
            "Bearer ' OR 1=1 --", "Bearer " + "A".repeat(4000));

    private final Random random;
    private final Requests requests;
    private final String validAuthorization;

    public HostileRequestGenerator(long seed, String authorization) {
        this.random = new Random(seed);
        this.requests = new Requests(authorization);
        this.validAuthorization = authorization;
    }

    public List<HostileRequest> generate(ApiCatalogue api, int atLeast) {
        List<HostileRequest> all = new ArrayList<>();
        for (Endpoint endpoint : api.bodyEndpoints()) {
            for (BodyMutations.Mutation m : BodyMutations.singleFieldFaults(endpoint)) {
                all.add(requests.to(endpoint, m.attack(), Requests.JSON, m.body(), m.field(), Map.of()));
            }
            for (RawBodies.Raw raw : RawBodies.forBody(endpoint.validBody())) {
                all.add(requests.to(endpoint, raw.attack(), Requests.JSON, raw.body(), null, Map.of()));
            }
            RawBodies.Raw huge = RawBodies.beyondLimit(endpoint.validBody(), api.bodyLimitBytes());
            all.add(requests.to(endpoint, huge.attack(), Requests.JSON, huge.body(), null, Map.of()));
            byte[] valid = BodyMutations.json(endpoint.validBody());
            for (String contentType : WRONG_CONTENT_TYPES) {
                all.add(requests.to(endpoint, "content type " + contentType, contentType, valid, null,
                        contentType == null ? Map.of() : Map.of()));
            }
            all.add(requests.to(endpoint, "JSON as ISO-8859-1 with bad bytes", "application/json; charset=ISO-8859-1",
                    "{\"\u00ff\u00fe\":1}".getBytes(StandardCharsets.ISO_8859_1), null, Map.of()));
            for (String token : BAD_TOKENS) {
                Map<String, String> auth = new LinkedHashMap<>();
                auth.put("Authorization", token);
                HostileRequest r = requests.to(endpoint, "token " + (token == null ? "absent" : abbreviate(token)),
                        Requests.JSON, valid, null, auth);
                all.add(token == null ? withoutHeader(r, "Authorization") : r);
            }
        }
        all.addAll(api.otherRequests(requests));
        List<Endpoint> endpoints = api.bodyEndpoints();
        while (all.size() < atLeast) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            BodyMutations.Mutation m = BodyMutations.faultWithHostileString(endpoint, random);
            all.add(requests.to(endpoint, m.attack(), Requests.JSON, m.body(), m.field(), Map.of()));
        }
        return all;
    }

    public String validAuthorization() {
        return validAuthorization;
    }

    private static HostileRequest withoutHeader(HostileRequest r, String name) {
        Map<String, String> headers = new LinkedHashMap<>(r.headers());
        headers.remove(name);
        return new HostileRequest(r.attack(), r.method(), r.path(), headers, r.body(), r.expectedField());
    }

    private static String abbreviate(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }
}
