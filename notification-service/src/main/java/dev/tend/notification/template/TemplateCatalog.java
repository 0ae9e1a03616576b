package dev.tend.notification.template;

import dev.tend.contracts.Channel;
import dev.tend.notification.MessageTemplate;
import dev.tend.notification.NotificationConfig;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the template for a channel, template key and locale, and renders it. The most specific locale wins:
 * {@code pt-BR}, then {@code pt}, then {@code default} (English); at each step a template edited over REST (stored in
 * {@code message_template}) wins over the one shipped under {@code message-templates/<channel>/}.
 *
 * <p>Rendering is strict: a template that asks for a variable the request did not carry fails, so a customer
 * never reads "Dear ," with a blank where a name should be. Optional variables are written {@code {petName??}}
 * or guarded with {@code {#if petName??}}.
 */
@ApplicationScoped
public class TemplateCatalog {

    public static final String DEFAULT_LOCALE = "default";

    /** Every template key shipped with the service, per channel; PHONE is a staff call and has none. */
    public static final Map<Channel, List<String>> BUILT_IN = Map.of(
            Channel.EMAIL, List.of("visit-thank-you", "recheck-reminder", "feedback-request"),
            Channel.SMS, List.of("recheck-reminder", "feedback-request"),
            Channel.POST, List.of("recheck-postcard", "sympathy-card", "pet-birthday-card"));

    private static final Variant HTML = new Variant(Locale.ROOT, "text/html", "UTF-8");
    private static final Variant TEXT = new Variant(Locale.ROOT, "text/plain", "UTF-8");
    private static final Pattern MISSING = Pattern.compile("\\{([^}]+)}");

    /** A template's content and where it came from. */
    public record Source(Channel channel, String templateKey, String locale, String subject, String text, String html,
                         boolean stored, long version) {
    }

    private final Engine engine;
    private final NotificationConfig config;
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    public TemplateCatalog(Engine engine, NotificationConfig config) {
        this.engine = engine;
        this.config = config;
    }

    public Optional<Source> resolve(Channel channel, String templateKey, String locale) {
        for (String candidate : localeCandidates(locale)) {
            Optional<Source> found = stored(channel, templateKey, candidate).or(() -> builtIn(channel, templateKey, candidate));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public Optional<Source> stored(Channel channel, String templateKey, String locale) {
        return MessageTemplate.<MessageTemplate>find("channel = ?1 and templateKey = ?2 and locale = ?3",
                        channel.name(), templateKey, locale).firstResultOptional()
                .map(t -> new Source(channel, templateKey, locale, t.subject, t.bodyText, t.bodyHtml, true, t.version));
    }

    public Optional<Source> builtIn(Channel channel, String templateKey, String locale) {
        String base = channel.name().toLowerCase(Locale.ROOT) + "/" + templateKey
                + (DEFAULT_LOCALE.equals(locale) ? "" : "." + locale);
        String text = classpath(base + ".txt");
        if (text == null) {
            return Optional.empty();
        }
        String subject = classpath(base + ".subject");
        return Optional.of(new Source(channel, templateKey, locale, subject == null ? null : subject.strip(), text,
                classpath(base + ".html"), false, 0));
    }

    /** Every template shipped with the service, in its default locale. */
    public List<Source> builtIns() {
        List<Source> all = new ArrayList<>();
        for (Channel channel : List.of(Channel.EMAIL, Channel.SMS, Channel.POST)) {
            BUILT_IN.get(channel).forEach(key -> builtIn(channel, key, DEFAULT_LOCALE).ifPresent(all::add));
        }
        return all;
    }

    /**
     * Renders one message. Dates, lists and the signature are written in the template's own language (so a pt-BR
     * household that falls back to the English template reads an English date), in the recipient's regional form
     * when it is the same language.
     *
     * @throws MissingVariableException naming the part and the variable when the data lacks one the template uses
     * @throws IllegalArgumentException when the template itself does not parse
     */
    public RenderedMessage render(Source source, MessageData message) {
        Locale locale = formattingLocale(source.locale(), message.recipientLocale());
        Map<String, Object> data = model(source.channel(), locale, message);
        Map<String, Object> html = new HashMap<>(data);
        html.put("clinicPhone", Formats.phone(config.clinic().phone(), message.recipientCountry(), true));
        return new RenderedMessage(
                source.subject() == null ? null : render("subject", source.subject(), TEXT, data).strip(),
                render("text", source.text(), TEXT, data),
                source.html() == null ? null : render("html", source.html(), HTML, html));
    }

    /** The language a message's own words are in: its template's, in the recipient's regional form when they agree. */
    public static Locale formattingLocale(String templateLocale, String recipientLocale) {
        Locale template = templateLocale == null || DEFAULT_LOCALE.equals(templateLocale)
                ? Locale.ENGLISH : Locale.forLanguageTag(templateLocale);
        if (recipientLocale != null && !recipientLocale.isBlank()) {
            Locale recipient = Locale.forLanguageTag(recipientLocale);
            if (recipient.getLanguage().equals(template.getLanguage())) {
                return recipient;
            }
        }
        return template;
    }

    /** The clinic's signature in {@code locale}'s language: the configured one, else "The team at {clinic}". */
    public String clinicSignature(Locale locale) {
        return config.clinic().signature().orElseGet(() ->
                FixedWords.get(locale, FixedWords.TEAM_SIGNATURE, Map.of("clinic", config.clinic().name())));
    }

    /** How a card is signed: the staff member, else the clinic's signature in the card's language. */
    public String cardSignature(String staffMember, Locale locale) {
        return Signature.of(staffMember, config.clinic().name(), clinicSignature(locale)).signer();
    }

    private Map<String, Object> model(Channel channel, Locale locale, MessageData message) {
        Map<String, Object> data = new HashMap<>();
        message.personalisation().forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                data.put(key, value);
            }
        });
        for (String key : TemplateVariables.DATES) {
            if (data.get(key) instanceof String iso) {
                parseDate(iso).ifPresent(date -> data.put(key, new HumanDate(date, locale)));
            }
        }
        ZoneId zone = zone(message.recipientZone());
        for (String key : TemplateVariables.MOMENTS) {
            if (data.get(key) instanceof String iso) {
                parseInstant(iso).ifPresent(at -> data.put(key, new HumanTime(at, zone, locale)));
            }
        }
        List<PetView> pets = message.petList().stream().map(p -> new PetView(p.name().strip(), p.sex(), p.photoUrl())).toList();
        data.put("pets", pets);
        data.remove("petName");
        data.remove("petNames");
        data.remove("petPhotoUrl");
        data.remove("petPhotoUrls");
        if (!pets.isEmpty()) {
            data.put("pet", pets.get(0));
            data.put("petName", pets.get(0).name());
            data.put("petNames", new Names(pets.stream().map(PetView::name).toList(), locale));
        }
        List<String> photos = pets.stream().map(PetView::photoUrl).filter(url -> url != null && !url.isBlank()).toList();
        String firstPhoto = message.firstPhotoUrl();
        if (firstPhoto != null) {
            data.put("petPhotoUrl", firstPhoto);
            data.put("petPhotoUrls", photos.isEmpty() ? List.of(firstPhoto) : photos);
        }
        String clinicSignature = clinicSignature(locale);
        data.put("clinicName", config.clinic().name());
        data.put("clinicPhone", Formats.phone(config.clinic().phone(), message.recipientCountry(), channel == Channel.POST));
        data.put("clinicAddress", config.clinic().address());
        data.put("clinicSignature", clinicSignature);
        data.put("signature", Signature.of((String) data.get("staffMember"), config.clinic().name(), clinicSignature));
        return data;
    }

    private static Optional<LocalDate> parseDate(String value) {
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> parseInstant(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static ZoneId zone(String zone) {
        try {
            return zone == null || zone.isBlank() ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private String render(String part, String content, Variant variant, Map<String, Object> data) {
        Template template = parse(part, content, variant);
        try {
            return template.data(data).render();
        } catch (TemplateException e) {
            throw new MissingVariableException(part, describe(part, e));
        }
    }

    /** @throws IllegalArgumentException naming the part when the content is not a valid template */
    public Template parse(String part, String content, Variant variant) {
        try {
            return parsed.computeIfAbsent(variant.getContentType() + "\n" + content, key -> engine.parse(content, variant));
        } catch (TemplateException e) {
            throw new IllegalArgumentException("the " + part + " is not a valid template: " + e.getMessage(), e);
        }
    }

    public static Variant variantOf(String part) {
        return "html".equals(part) ? HTML : TEXT;
    }

    private static String describe(String part, TemplateException e) {
        String message = String.valueOf(e.getMessage());
        Set<String> expressions = new LinkedHashSet<>();
        int at = message.lastIndexOf("in expression");
        if (at >= 0) {
            Matcher matcher = MISSING.matcher(message.substring(at));
            if (matcher.find()) {
                expressions.add(matcher.group(1));
            }
        }
        return expressions.isEmpty()
                ? "the " + part + " could not be rendered: " + message
                : "the " + part + " uses {" + expressions.iterator().next() + "}, which has no value";
    }

    static List<String> localeCandidates(String locale) {
        List<String> candidates = new ArrayList<>();
        if (locale != null && !locale.isBlank()) {
            Locale parsedLocale = Locale.forLanguageTag(locale);
            if (!parsedLocale.getLanguage().isEmpty()) {
                candidates.add(parsedLocale.toLanguageTag());
                candidates.add(parsedLocale.getLanguage());
            }
        }
        candidates.add(DEFAULT_LOCALE);
        return candidates.stream().distinct().toList();
    }

    private static String classpath(String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream("message-templates/" + path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
