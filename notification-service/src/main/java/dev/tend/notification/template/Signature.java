package dev.tend.notification.template;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * How a message is signed: the staff member who saw the pet, then the clinic's name; or, when nobody is named,
 * the clinic's own signature alone (which names the clinic already, so the name is never written twice).
 * {@code {signature}} prints one line per part; {@code {signature.html}} joins them with line breaks.
 */
@TemplateData
public record Signature(List<String> lines) {

    public static Signature of(String staffMember, String clinicName, String clinicSignature) {
        if (staffMember != null && !staffMember.isBlank()) {
            return new Signature(List.of(staffMember.strip(), clinicName));
        }
        return clinicSignature.contains(clinicName)
                ? new Signature(List.of(clinicSignature))
                : new Signature(List.of(clinicSignature, clinicName));
    }

    public RawString html() {
        return new RawString(String.join("<br>", lines.stream().map(Signature::escape).toList()));
    }

    /** The first line alone, for a card, whose header already carries the clinic's name. */
    public String signer() {
        return lines.get(0);
    }

    @Override
    public String toString() {
        return String.join("\n", lines);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
