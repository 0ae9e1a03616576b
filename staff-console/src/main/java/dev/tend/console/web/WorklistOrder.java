package dev.tend.console.web;

import dev.tend.console.clients.FollowupClient.Call;

import java.util.Comparator;
import java.util.List;

/**
 * The order the front desk works in: overdue calls before those due today, each group by due time, then by the
 * service's own order (its priority rank). Reply items go first once followup-service puts them on the worklist.
 */
public final class WorklistOrder {

    private static final Comparator<Call> ORDER = Comparator.comparing((Call call) -> call.overdue() ? 0 : 1)
            .thenComparing(Call::dueAt, Comparator.nullsLast(Comparator.naturalOrder()));

    private WorklistOrder() {
    }

    public static List<Call> sort(List<Call> calls) {
        return calls.stream().sorted(ORDER).toList();
    }
}
