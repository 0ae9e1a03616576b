package dev.tend.notification.template;

import java.util.AbstractList;
import java.util.List;
import java.util.Locale;

/**
 * A list of names that prints itself as the language joins names: {@code {petNames}} is "Coco and Pip", "Coco e
 * Pip" or "Coco y Pip". It stays a list for templates that count or loop: {@code {petNames.size}},
 * {@code {#for name in petNames}}.
 */
public final class Names extends AbstractList<String> {

    private final List<String> names;
    private final Locale locale;

    public Names(List<String> names, Locale locale) {
        this.names = List.copyOf(names);
        this.locale = locale;
    }

    @Override
    public String get(int index) {
        return names.get(index);
    }

    @Override
    public int size() {
        return names.size();
    }

    @Override
    public String toString() {
        return Formats.list(names, locale);
    }
}
