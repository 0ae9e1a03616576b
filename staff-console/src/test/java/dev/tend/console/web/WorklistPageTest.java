package dev.tend.console.web;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Today's pages: which items of the day's worklist each shows. */
class WorklistPageTest {

    private static final List<Integer> TWO_HUNDRED = IntStream.rangeClosed(1, 200).boxed().toList();

    @Test
    void shouldShowTheFirstItemsInTheWorklistsOrderOnTheFirstPage() {
        WorklistPage page = WorklistPage.of(null, 25, 200);
        assertEquals(IntStream.rangeClosed(1, 25).boxed().toList(), page.of(TWO_HUNDRED));
        assertEquals(8, page.pages());
        assertTrue(page.paged());
        assertFalse(page.hasPrevious());
        assertTrue(page.hasNext());
    }

    @Test
    void shouldShowTheRestOnTheLastPage() {
        WorklistPage page = WorklistPage.of(3, 80, 200);
        assertEquals(IntStream.rangeClosed(161, 200).boxed().toList(), page.of(TWO_HUNDRED));
        assertEquals(161, page.first());
        assertEquals(200, page.last());
        assertFalse(page.hasNext());
    }

    @Test
    void shouldShowTheLastPageForAPagePastItAndTheFirstForOneBeforeIt() {
        assertEquals(8, WorklistPage.of(99, 25, 200).number());
        assertEquals(1, WorklistPage.of(-3, 25, 200).number());
    }

    @Test
    void shouldShowEverythingOnOnePageWhenItFits() {
        WorklistPage page = WorklistPage.of(2, 25, 7);
        assertEquals(1, page.number());
        assertFalse(page.paged());
        assertEquals(List.of(1, 2, 3), WorklistPage.of(1, 25, 3).of(List.of(1, 2, 3)));
        assertEquals(List.of(), WorklistPage.of(1, 25, 0).of(List.of()));
        assertEquals(0, WorklistPage.of(1, 25, 0).first());
    }

    @Test
    void shouldLinkToAPageOfTheSameDayAndTeam() {
        assertEquals("/today?date=2026-11-30&team=night+shift&page=2", WorklistPage.link(LocalDate.of(2026, 11, 30), "night shift", 2));
    }
}
