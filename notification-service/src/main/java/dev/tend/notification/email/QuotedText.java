package dev.tend.notification.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The customer's own words out of a reply: the quoted history below them ("On … wrote:", "> " lines, Outlook's
 * "-----Original Message-----" and "From:/Sent:" blocks, their Portuguese and Spanish forms) and the signature
 * after "-- " go, so staff read what is new.
 */
public final class QuotedText {

    private static final int I = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** A line that starts the quoted history: everything from it on is history. */
    private static final List<Pattern> HISTORY = List.of(
            Pattern.compile("^On\\b.+\\bwrote:\\s*$", I),
            Pattern.compile("^Em\\b.+\\bescreveu:\\s*$", I),
            Pattern.compile("^El\\b.+\\bescribi[oó]:\\s*$", I),
            Pattern.compile("^-{2,}\\s*(Original Message|Mensagem original|Mensaje original|Forwarded message|Mensagem encaminhada|Mensaje reenviado)\\s*-{2,}\\s*$", I),
            Pattern.compile("^_{10,}\\s*$"),
            Pattern.compile("^(Sent from my|Enviado do meu|Enviado desde mi|Get Outlook for)\\b.*$", I));
    /** Outlook's header block: "From:" followed within a few lines by "Sent:" or "Date:" (and their translations). */
    private static final Pattern HEADER_FROM = Pattern.compile("^\\*?(From|De|Von):\\*?\\s.+", I);
    private static final Pattern HEADER_DATE = Pattern.compile("^\\*?(Sent|Date|Enviado|Enviada|Data|Fecha):\\*?\\s.+", I);
    /** The first line of Gmail's "On …" when a long sender wraps "wrote:" onto the next line. */
    private static final Pattern WRAPPED_ON = Pattern.compile("^(On|Em|El)\\s.+", I);
    private static final Pattern WRAPPED_WROTE = Pattern.compile(".*\\b(wrote|escreveu|escribi[oó]):\\s*$", I);

    private QuotedText() {
    }

    public static String strip(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (line.equals("-- ") || trimmed.equals("--")) {
                break;
            }
            if (startsHistory(lines, i, trimmed)) {
                break;
            }
            if (trimmed.startsWith(">")) {
                continue;
            }
            kept.add(line.stripTrailing());
        }
        return String.join("\n", kept).strip().replaceAll("\n{3,}", "\n\n");
    }

    private static boolean startsHistory(String[] lines, int i, String trimmed) {
        for (Pattern pattern : HISTORY) {
            if (pattern.matcher(trimmed).matches()) {
                return true;
            }
        }
        if (WRAPPED_ON.matcher(trimmed).matches() && i + 1 < lines.length
                && WRAPPED_WROTE.matcher(lines[i + 1].strip()).matches()) {
            return true;
        }
        if (HEADER_FROM.matcher(trimmed).matches()) {
            for (int j = i + 1; j < Math.min(lines.length, i + 4); j++) {
                if (HEADER_DATE.matcher(lines[j].strip()).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Readable text from an HTML-only mail: quoted blocks dropped, blocks and breaks as new lines, tags removed. */
    public static String fromHtml(String html) {
        if (html == null) {
            return "";
        }
        String text = html
                .replaceAll("(?is)<(head|style|script)\\b.*?</\\1\\s*>", "")
                .replaceAll("(?is)<blockquote\\b.*?</blockquote\\s*>", "")
                .replaceAll("(?is)<div[^>]*class=\"[^\"]*gmail_quote[^\"]*\".*", "")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|tr|li|h[1-6]|table)\\s*>", "\n")
                .replaceAll("(?s)<[^>]*>", "");
        return unescape(text).replace('\u00a0', ' ').replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        var matcher = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);").matcher(text);
        while (matcher.find()) {
            String entity = matcher.group(1);
            String replacement = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> "\u00a0";
                default -> {
                    int code = entity.startsWith("#x") ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
                    yield Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : "";
                }
            };
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
