package dev.tend.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * Which of a day's worklist items Today shows: a page of {@code size} in the worklist's order. Each item carries its
 * household's whole story and three forms, so 200 at once are a slow page that nobody reads to the end; the front desk
 * works from the top. A page past the last is the last, a page before the first the first.
 */
public record WorklistPage(int number, int pages, int size, int total) {

    public static WorklistPage of(Integer requested, int size, int total) {
        int pages = Math.max(1, (total + size - 1) / size);
        int number = requested == null ? 1 : Math.min(Math.max(1, requested), pages);
        return new WorklistPage(number, pages, size, total);
    }

    /** This page's items of the whole worklist, in its order. */
    public <T> List<T> of(List<T> all) {
        int from = Math.min(all.size(), (number - 1) * size);
        return all.subList(from, Math.max(from, Math.min(all.size(), number * size)));
    }

    /** The first item shown, counting from 1 (0 on an empty worklist). */
    public int first() {
        return total == 0 ? 0 : (number - 1) * size + 1;
    }

    public int last() {
        return Math.min(total, number * size);
    }

    public boolean paged() {
        return pages > 1;
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages;
    }

    public int previous() {
        return Math.max(1, number - 1);
    }

    public int next() {
        return Math.min(pages, number + 1);
    }

    /** The address of page {@code page} of this day's and team's worklist. */
    public static String link(LocalDate date, String team, int page) {
        return "/today?date=" + date + "&team=" + URLEncoder.encode(team, StandardCharsets.UTF_8) + "&page=" + page;
    }
}
