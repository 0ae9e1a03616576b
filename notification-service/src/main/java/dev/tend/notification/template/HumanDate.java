package dev.tend.notification.template;

import io.quarkus.qute.TemplateData;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A date as a template sees it: {@code {recheckDate}} prints "Thursday 3 December" (or "quinta-feira, 3 de
 * dezembro") in the template's language, never "2026-12-03". {@code {recheckDate.date}} is the plain
 * {@link LocalDate} for templates that need its parts.
 */
@TemplateData
public record HumanDate(LocalDate date, Locale locale) {

    @Override
    public String toString() {
        return Formats.date(date, locale);
    }
}
