package dev.tend.notification;

import dev.tend.contracts.Channel;
import dev.tend.contracts.PostalAddress;
import dev.tend.contracts.notification.NotificationRequested.Pet;
import dev.tend.notification.post.AddressFormat;
import dev.tend.notification.sms.SmsSegments;
import dev.tend.notification.template.EmailFooter;
import dev.tend.notification.template.MessageData;
import dev.tend.notification.template.RenderedMessage;
import dev.tend.notification.template.TemplateCatalog;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every built-in template, in every language, on its channel, rendered with the same fixed households and compared
 * with its golden file under {@code src/test/resources/golden/<channel>/<template>.<language>.txt}: what a clinic
 * would proofread. After a deliberate change to a template, regenerate them with
 * {@code ./mvnw -pl notification-service -am verify -Dtest=MessageGoldenTest -Dgolden.update=true ...} and read
 * the diff before committing it.
 *
 * <p>Every rendering is also checked for what gives a machine away: an ISO date, the word "null", a brace left
 * unreplaced, the clinic's name twice, and (for Portuguese and Spanish) English words.
 */
@QuarkusTest
@NotificationServiceTestResource
class MessageGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    static final List<String> LANGUAGES = List.of("en", "pt", "es");
    static final String UNSUBSCRIBE_LINK = "https://tend.example/unsubscribe/sample-token";

    /** One household per language, each with one pet whose sex is known and a staff member who signs. */
    record Household(String locale, String zone, PostalAddress address, Map<String, String> personalisation, List<Pet> pets) {
    }

    static final Map<String, Household> ONE_PET = Map.of(
            "en", new Household("en-GB", "Europe/London",
                    new PostalAddress("12 Elm Road", "Flat 3", "Bristol", "Avon", "BS1 4DJ", "GB"),
                    Map.of("customerName", "Mia Wong", "visitReason", "a dental clean", "visitDate", "2026-11-26",
                            "recheckDate", "2026-12-03", "staffMember", "Dr. Sam Ortiz"),
                    List.of(new Pet("Bella", "female", "https://example.com/photos/bella.jpg"))),
            "pt", new Household("pt-PT", "Europe/Lisbon",
                    new PostalAddress("Rua das Flores, 28", "2.º esq.", "Lisboa", null, "1200-195", "PT"),
                    Map.of("customerName", "Ana Souza", "visitReason", "uma limpeza dentária", "visitDate", "2026-11-26",
                            "recheckDate", "2026-12-03", "staffMember", "Dr. Rui Costa"),
                    List.of(new Pet("Bella", "female", "https://example.com/photos/bella.jpg"))),
            "es", new Household("es-ES", "Europe/Madrid",
                    new PostalAddress("Calle Mayor, 5", "3.º B", "Alcalá de Henares", "Madrid", "28801", "ES"),
                    Map.of("customerName", "Lucía Gómez", "visitReason", "una limpieza dental", "visitDate", "2026-11-26",
                            "recheckDate", "2026-12-05", "staffMember", "Dra. Elena Ruiz"),
                    List.of(new Pet("Rex", "male", null))));

    /** The same households with two pets of unknown sex and nobody named to sign: the clinic's signature instead. */
    static Household twoPets(Household one) {
        Map<String, String> personalisation = new java.util.HashMap<>(one.personalisation());
        personalisation.remove("staffMember");
        return new Household(one.locale(), one.zone(), one.address(), personalisation,
                List.of(new Pet("Coco", null, null), new Pet("Pip", null, null)));
    }

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(Dear|the|and|Thank|recheck|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|December|"
                    + "January|April|Unsubscribe|Reply)\\b");

    @Inject
    TemplateCatalog catalog;

    @Test
    void shouldHaveEveryTemplateInEveryLanguage() throws IOException {
        Path shipped = Path.of("src/main/resources/message-templates");
        Set<String> languages = new TreeSet<>(LANGUAGES);
        Set<String> present = new TreeSet<>();
        Set<String> templates = new TreeSet<>();
        TemplateCatalog.BUILT_IN.forEach((channel, keys) -> keys.forEach(key -> templates.add(channel.name().toLowerCase(Locale.ROOT) + "/" + key)));
        try (Stream<Path> files = Files.walk(shipped)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String[] name = file.getFileName().toString().split("\\.");
                String language = name.length == 3 ? name[1] : "en";
                String template = file.getParent().getFileName() + "/" + name[0];
                languages.add(language);
                templates.add(template);
                present.add(template + "." + language + "." + name[name.length - 1]);
            });
        }
        List<String> missing = new ArrayList<>();
        for (String template : templates) {
            Set<String> parts = new TreeSet<>();
            present.stream().filter(p -> p.startsWith(template + ".")).forEach(p -> parts.add(p.substring(p.lastIndexOf('.') + 1)));
            for (String language : languages) {
                for (String part : parts) {
                    if (!present.contains(template + "." + language + "." + part)) {
                        missing.add(template + "." + language + "." + part);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "a template exists in one language but not in another");
        assertEquals(new TreeSet<>(LANGUAGES), languages, "a language without golden files");
    }

    @Test
    void shouldRenderEveryTemplateAsItsGoldenFileSays() throws IOException {
        List<String> differences = new ArrayList<>();
        for (Channel channel : List.of(Channel.EMAIL, Channel.SMS, Channel.POST)) {
            for (String key : TemplateCatalog.BUILT_IN.get(channel)) {
                for (String language : LANGUAGES) {
                    String rendered = renderAll(channel, key, language);
                    Path golden = GOLDEN.resolve(channel.name().toLowerCase(Locale.ROOT)).resolve(key + "." + language + ".txt");
                    if (UPDATE) {
                        Files.createDirectories(golden.getParent());
                        Files.writeString(golden, rendered, StandardCharsets.UTF_8);
                    } else if (!Files.exists(golden) || !Files.readString(golden, StandardCharsets.UTF_8).equals(rendered)) {
                        differences.add(golden + (Files.exists(golden) ? " differs" : " is missing") + ":\n" + rendered);
                    }
                }
            }
        }
        assertTrue(differences.isEmpty(), String.join("\n\n", differences));
    }

    /** Both households, as the recipient sees each message, with the checks applied to every part. */
    private String renderAll(Channel channel, String key, String language) {
        Household one = ONE_PET.get(language);
        StringBuilder out = new StringBuilder();
        for (Household household : List.of(one, twoPets(one))) {
            TemplateCatalog.Source source = catalog.builtIn(channel, key, file(language)).orElseThrow();
            RenderedMessage message = catalog.render(source, new MessageData(household.personalisation(),
                    household.pets(), household.locale(), household.zone(), household.address().country()));
            String where = channel + "/" + key + "." + language + " for " + household.pets();
            check(where, language, message.subject());
            check(where, language, message.text());
            check(where, language, message.html());
            out.append("=== ").append(household.pets().size() == 1 ? "one pet, signed by a staff member" : "two pets, signed by the clinic")
                    .append(" (").append(household.locale()).append(")\n");
            switch (channel) {
                case EMAIL -> {
                    RenderedMessage sent = EmailFooter.add(message, TemplateCatalog.formattingLocale(source.locale(),
                            household.locale()), UNSUBSCRIBE_LINK);
                    check(where, language, sent.text());
                    check(where, language, sent.html());
                    out.append("subject: ").append(sent.subject()).append("\n--- text\n").append(sent.text())
                            .append("--- html\n").append(sent.html());
                }
                case SMS -> out.append("segments: ").append(SmsSegments.of(message.text().strip())).append("\n")
                        .append(message.text().strip()).append("\n");
                case POST -> {
                    String signature = catalog.cardSignature(household.personalisation().get("staffMember"),
                            TemplateCatalog.formattingLocale(source.locale(), household.locale()));
                    check(where, language, message.text() + "\n" + signature);
                    out.append(message.text().strip()).append("\n\n").append(signature).append("\n--- address\n")
                            .append(String.join("\n", AddressFormat.lines(household.personalisation().get("customerName"),
                                    household.address(), Locale.UK))).append("\n");
                }
                default -> throw new IllegalStateException(channel.name());
            }
        }
        return out.toString().replace('\u00A0', '~');
    }

    private static void check(String where, String language, String part) {
        if (part == null) {
            return;
        }
        assertTrue(!ISO_DATE.matcher(part).find(), where + " prints an ISO date:\n" + part);
        assertTrue(!part.contains("null"), where + " prints 'null':\n" + part);
        assertTrue(!part.contains("{") && !part.contains("}"), where + " leaves a brace unreplaced:\n" + part);
        int clinicNames = part.split(Pattern.quote("Tend Veterinary Clinic"), -1).length - 1;
        assertTrue(clinicNames <= 1, where + " names the clinic " + clinicNames + " times:\n" + part);
        if (!"en".equals(language)) {
            assertTrue(!ENGLISH.matcher(part.replace("Tend Veterinary Clinic", "")).find(),
                    where + " is not entirely in its language:\n" + part);
        }
    }

    private static String file(String language) {
        return "en".equals(language) ? TemplateCatalog.DEFAULT_LOCALE : language;
    }
}
