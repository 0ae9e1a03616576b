package dev.tend.notification.template;

import dev.tend.contracts.Channel;
import dev.tend.notification.MessageTemplate;
import dev.tend.notification.sms.SmsSegments;
import dev.tend.platform.audit.AuditAction;
import dev.tend.platform.audit.AuditTrail;
import dev.tend.platform.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Templates as staff manage them. Nothing is stored that would not render: every part is rendered with sample
 * data first, and a variable that no request carries is rejected, naming the part and the variable.
 */
@ApplicationScoped
public class TemplateEditor {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public record Saved(TemplateCatalog.Source source, boolean created) {
    }

    public record Preview(RenderedMessage message, Integer segments, Map<String, String> data) {
    }

    private final TemplateCatalog catalog;
    private final Clock clock;

    private final AuditTrail audit;

    public TemplateEditor(TemplateCatalog catalog, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.catalog = catalog;
        this.clock = clock;
    }

    public List<TemplateCatalog.Source> list() {
        List<TemplateCatalog.Source> all = new ArrayList<>(catalog.builtIns());
        MessageTemplate.<MessageTemplate>listAll().forEach(t -> all.add(new TemplateCatalog.Source(
                Channel.valueOf(t.channel), t.templateKey, t.locale, t.subject, t.bodyText, t.bodyHtml, true, t.version)));
        return all;
    }

    public TemplateCatalog.Source resolve(String channel, String templateKey, String locale) {
        Channel parsed = channel(channel);
        return catalog.resolve(parsed, templateKey, locale)
                .orElseThrow(() -> ProblemException.notFound("Template", parsed + "/" + templateKey));
    }

    @Transactional
    public Saved save(String channel, String templateKey, String locale, String subject, String text, String html) {
        Channel parsed = channel(channel);
        String key = key(templateKey);
        String normalisedLocale = locale(locale);
        TemplateCatalog.Source candidate = new TemplateCatalog.Source(parsed, key, normalisedLocale,
                blankToNull(subject), text, blankToNull(html), true, 0);
        check(candidate);
        render(candidate, TemplateVariables.SAMPLE, normalisedLocale);
        MessageTemplate template = MessageTemplate.<MessageTemplate>find("channel = ?1 and templateKey = ?2 and locale = ?3",
                parsed.name(), key, normalisedLocale).firstResult();
        boolean created = template == null;
        if (created) {
            template = new MessageTemplate();
            template.id = java.util.UUID.randomUUID();
            template.channel = parsed.name();
            template.templateKey = key;
            template.locale = normalisedLocale;
        }
        template.subject = candidate.subject();
        template.bodyText = candidate.text();
        template.bodyHtml = candidate.html();
        template.updatedAt = clock.instant();
        template.persistAndFlush();
        Saved saved = new Saved(catalog.stored(parsed, key, normalisedLocale).orElseThrow(), created);
        audit.record(AuditAction.TEMPLATE_CHANGED, null, Map.of("channel", parsed.name(), "templateKey", key,
                "locale", normalisedLocale, "version", saved.source().version()));
        return saved;
    }

    @Transactional
    public void delete(String channel, String templateKey, String locale) {
        long deleted = MessageTemplate.delete("channel = ?1 and templateKey = ?2 and locale = ?3",
                channel(channel).name(), templateKey, locale(locale));
        if (deleted == 0) {
            throw ProblemException.notFound("Stored template", channel + "/" + templateKey + "/" + locale);
        }
        audit.record(AuditAction.TEMPLATE_REMOVED, null, Map.of("channel", channel(channel).name(), "templateKey", templateKey,
                "locale", locale(locale)));
    }

    public Preview preview(String channel, String templateKey, String locale, String subject, String text, String html,
                           Map<String, String> data) {
        Channel parsed = channel(channel);
        TemplateCatalog.Source source;
        if (text == null) {
            if (templateKey == null) {
                throw ProblemException.invalid("text", "give the template's text, or a templateKey to preview");
            }
            source = resolve(channel, templateKey, locale);
        } else {
            source = new TemplateCatalog.Source(parsed, templateKey, locale == null ? TemplateCatalog.DEFAULT_LOCALE : locale,
                    blankToNull(subject), text, blankToNull(html), false, 0);
            check(source);
        }
        Map<String, String> values = data == null ? TemplateVariables.SAMPLE : data;
        RenderedMessage message = render(source, values, locale);
        return new Preview(message, parsed == Channel.SMS ? SmsSegments.of(message.text().strip()) : null, values);
    }

    private RenderedMessage render(TemplateCatalog.Source source, Map<String, String> data, String locale) {
        try {
            return catalog.render(source, MessageData.of(data, locale == null || TemplateCatalog.DEFAULT_LOCALE.equals(locale)
                    ? (TemplateCatalog.DEFAULT_LOCALE.equals(source.locale()) ? null : source.locale()) : locale));
        } catch (MissingVariableException e) {
            throw ProblemException.unprocessable(e.part(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("template", e.getMessage());
        }
    }

    private void check(TemplateCatalog.Source source) {
        if (source.text() == null || source.text().isBlank()) {
            throw ProblemException.invalid("text", "text is required");
        }
        if (source.channel() == Channel.EMAIL && source.subject() == null) {
            throw ProblemException.invalid("subject", "an email template needs a subject");
        }
        if (source.channel() != Channel.EMAIL && (source.subject() != null || source.html() != null)) {
            throw ProblemException.invalid(source.subject() != null ? "subject" : "html",
                    "only email templates have a subject and HTML");
        }
        for (String[] part : new String[][]{{"subject", source.subject()}, {"text", source.text()}, {"html", source.html()}}) {
            if (part[1] != null) {
                try {
                    catalog.parse(part[0], part[1], TemplateCatalog.variantOf(part[0]));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalid(part[0], e.getMessage());
                }
            }
        }
    }

    private static Channel channel(String channel) {
        try {
            Channel parsed = Channel.valueOf(String.valueOf(channel).toUpperCase(Locale.ROOT));
            if (parsed == Channel.PHONE) {
                throw ProblemException.invalid("channel", "PHONE follow-ups are staff calls and have no template here");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("channel", "channel must be EMAIL, SMS or POST");
        }
    }

    private static String key(String templateKey) {
        if (templateKey == null || !KEY.matcher(templateKey).matches()) {
            throw ProblemException.invalid("templateKey", "templateKey must be lower-case words joined by '-'");
        }
        return templateKey;
    }

    private static String locale(String locale) {
        if (locale == null || TemplateCatalog.DEFAULT_LOCALE.equals(locale)) {
            return TemplateCatalog.DEFAULT_LOCALE;
        }
        Locale parsed = Locale.forLanguageTag(locale);
        if (parsed.getLanguage().isEmpty() || !parsed.toLanguageTag().equalsIgnoreCase(locale)) {
            throw ProblemException.invalid("locale", "locale must be 'default' or a BCP 47 tag such as pt or pt-PT");
        }
        return parsed.toLanguageTag();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
