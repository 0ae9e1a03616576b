package dev.tend.systemtests.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bodies that are not the JSON object an operation reads: not JSON, cut short, bad UTF-8, nested too deep, too big. */
public final class RawBodies {

    public record Raw(String attack, byte[] body) {
    }

    private RawBodies() {
    }

    public static List<Raw> forBody(Map<String, Object> validBody) {
        byte[] valid = BodyMutations.json(validBody);
        String text = new String(valid, StandardCharsets.UTF_8);
        List<Raw> raws = new ArrayList<>();
        raws.add(new Raw("not JSON", "this is not JSON".getBytes(StandardCharsets.UTF_8)));
        raws.add(new Raw("cut short", text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8)));
        raws.add(new Raw("empty body", new byte[0]));
        raws.add(new Raw("JSON null", "null".getBytes(StandardCharsets.UTF_8)));
        raws.add(new Raw("JSON array", "[]".getBytes(StandardCharsets.UTF_8)));
        raws.add(new Raw("JSON number", "42".getBytes(StandardCharsets.UTF_8)));
        raws.add(new Raw("JSON string", "\"' OR 1=1 --\"".getBytes(StandardCharsets.UTF_8)));
        raws.add(new Raw("trailing garbage", (text + "}}]").getBytes(StandardCharsets.UTF_8)));
        raws.add(new Raw("single quotes", text.replace('"', '\'').getBytes(StandardCharsets.UTF_8)));
        raws.add(new Raw("bad UTF-8 bytes", badUtf8(text)));
        raws.add(new Raw("nested 5,000 deep", nested(5_000)));
        raws.add(new Raw("NUL bytes", new byte[]{'{', 0, 0, 0, '}'}));
        return raws;
    }

    /** A valid JSON object padded beyond the service's body limit. */
    public static Raw beyondLimit(Map<String, Object> validBody, int limitBytes) {
        String text = new String(BodyMutations.json(validBody), StandardCharsets.UTF_8);
        String padding = "p".repeat(limitBytes + 64 * 1024);
        return new Raw("body beyond the " + (limitBytes / (1024 * 1024)) + " MB limit",
                ("{\"padding\":\"" + padding + "\"," + text.substring(1)).getBytes(StandardCharsets.UTF_8));
    }

    /** The valid body with invalid UTF-8 bytes in the middle of its first string value. */
    private static byte[] badUtf8(String text) {
        int quote = text.indexOf(":\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = text.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8);
        out.write(head, 0, head.length);
        out.writeBytes(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        byte[] tail = text.substring(quote + 2).getBytes(StandardCharsets.UTF_8);
        out.write(tail, 0, tail.length);
        return out.toByteArray();
    }

    private static byte[] nested(int depth) {
        return ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }
}
