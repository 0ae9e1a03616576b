package dev.tend.notification.post;

import dev.tend.contracts.PostalAddress;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The address block as the destination country's post expects it: line order, where the postcode goes, region
 * abbreviations. The country line is printed only on international mail, in capitals and in the sender's
 * language, as the UPU asks; postal operators ask senders to leave it off domestic mail.
 */
public final class AddressFormat {

    private static final Map<String, Map<String, String>> REGION_CODES = Map.of(
            "US", codes("Alabama AL|Alaska AK|Arizona AZ|Arkansas AR|California CA|Colorado CO|Connecticut CT|Delaware DE|"
                    + "District of Columbia DC|Florida FL|Georgia GA|Hawaii HI|Idaho ID|Illinois IL|Indiana IN|Iowa IA|"
                    + "Kansas KS|Kentucky KY|Louisiana LA|Maine ME|Maryland MD|Massachusetts MA|Michigan MI|Minnesota MN|"
                    + "Mississippi MS|Missouri MO|Montana MT|Nebraska NE|Nevada NV|New Hampshire NH|New Jersey NJ|"
                    + "New Mexico NM|New York NY|North Carolina NC|North Dakota ND|Ohio OH|Oklahoma OK|Oregon OR|"
                    + "Pennsylvania PA|Rhode Island RI|South Carolina SC|South Dakota SD|Tennessee TN|Texas TX|Utah UT|"
                    + "Vermont VT|Virginia VA|Washington WA|West Virginia WV|Wisconsin WI|Wyoming WY|Puerto Rico PR"),
            "CA", codes("Alberta AB|British Columbia BC|Manitoba MB|New Brunswick NB|Newfoundland and Labrador NL|"
                    + "Nova Scotia NS|Ontario ON|Prince Edward Island PE|Quebec QC|Saskatchewan SK|"
                    + "Northwest Territories NT|Nunavut NU|Yukon YT"),
            "AU", codes("New South Wales NSW|Victoria VIC|Queensland QLD|South Australia SA|Western Australia WA|"
                    + "Tasmania TAS|Australian Capital Territory ACT|Northern Territory NT"),
            "BR", codes("Acre AC|Alagoas AL|Amapa AP|Amazonas AM|Bahia BA|Ceara CE|Distrito Federal DF|Espirito Santo ES|"
                    + "Goias GO|Maranhao MA|Mato Grosso MT|Mato Grosso do Sul MS|Minas Gerais MG|Para PA|Paraiba PB|"
                    + "Parana PR|Pernambuco PE|Piaui PI|Rio de Janeiro RJ|Rio Grande do Norte RN|Rio Grande do Sul RS|"
                    + "Rondonia RO|Roraima RR|Santa Catarina SC|Sao Paulo SP|Sergipe SE|Tocantins TO"));

    private AddressFormat() {
    }

    /**
     * @param sender the clinic's locale: its country decides what is domestic, its language names other countries
     */
    public static List<String> lines(String name, PostalAddress address, Locale sender) {
        String country = upper(address.country());
        List<String> lines = new ArrayList<>();
        lines.add(name);
        lines.add(address.line1());
        if (present(address.line2())) {
            lines.add(address.line2());
        }
        String city = strip(address.city());
        String region = strip(address.region());
        String postcode = strip(address.postalCode());
        switch (country) {
            case "GB" -> {
                lines.add(upper(city));
                lines.add(upper(postcode));
            }
            case "US", "CA", "AU" -> lines.add(join(" ", city, regionCode(country, region), postcode));
            case "IE" -> {
                lines.add(city);
                if (present(region)) {
                    lines.add(region);
                }
                lines.add(upper(postcode));
            }
            case "BR" -> {
                lines.add(present(region) ? city + " - " + regionCode(country, region) : city);
                lines.add(postcode);
            }
            case "PT", "FR" -> lines.add(join(" ", postcode, upper(city)));
            case "ES", "IT" -> {
                lines.add(join(" ", postcode, city));
                if (present(region) && !region.equalsIgnoreCase(city)) {
                    lines.add(region);
                }
            }
            default -> {
                lines.add(join(" ", postcode, city));
                if (present(region)) {
                    lines.add(region);
                }
            }
        }
        if (!country.isEmpty() && !country.equals(upper(sender.getCountry()))) {
            lines.add(new Locale("", country).getDisplayCountry(sender).toUpperCase(sender));
        }
        return lines;
    }

    /** A region's postal abbreviation where the country uses one ("California" becomes "CA"); else as written. */
    static String regionCode(String country, String region) {
        if (!present(region)) {
            return null;
        }
        Map<String, String> codes = REGION_CODES.get(country);
        if (codes == null) {
            return region;
        }
        String code = codes.get(fold(region));
        if (code != null) {
            return code;
        }
        return codes.containsValue(upper(region)) ? upper(region) : region;
    }

    private static Map<String, String> codes(String table) {
        Map<String, String> codes = new HashMap<>();
        for (String entry : table.split("\\|")) {
            int space = entry.lastIndexOf(' ');
            codes.put(fold(entry.substring(0, space)), entry.substring(space + 1));
        }
        return Map.copyOf(codes);
    }

    /** Case and accents set aside, so "São Paulo", "Sao Paulo" and "QUÉBEC" are found. */
    private static String fold(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (present(part)) {
                present.add(part);
            }
        }
        return String.join(separator, present);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static String upper(String text) {
        return text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    }
}
