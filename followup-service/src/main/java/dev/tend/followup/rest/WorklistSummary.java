package dev.tend.followup.rest;

import dev.tend.followup.service.Worklist.Summary;

import java.time.LocalDate;

/** The day's worklist in numbers: what {@code GET /worklist} lists for that day, by kind, and what was completed that day. */
public record WorklistSummary(LocalDate date, long callsDue, long repliesWaiting, long urgentReplies, long overdue, long doneToday) {

    static WorklistSummary of(Summary summary) {
        return new WorklistSummary(summary.date(), summary.callsDue(), summary.repliesWaiting(), summary.urgentReplies(),
                summary.overdue(), summary.doneToday());
    }
}
