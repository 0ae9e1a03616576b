package dev.tend.console.web;

import dev.tend.console.clients.FollowupClient.Call;

import java.util.Comparator;
import java.util.List;

/**
 * The order the front desk works in: urgent replies first (a customer wrote "bleeding", "collapsed"...), then what is
 * overdue, then what is due today; each group by due time, then by the service's own order (its priority rank).
 */
public final class WorklistOrder {

    private static final Comparator<Call> ORDER = Comparator.comparing(WorklistOrder::group)
            .thenComparing(Call::dueAt, Comparator.nullsLast(Comparator.naturalOrder()));

    private WorklistOrder() {
    }

    public static List<Call> sort(List<Call> calls) {
        return calls.stream().sorted(ORDER).toList();
    }

    private static int group(Call call) {
        if (call.reply() && call.urgent()) {
            return 0;
        }
        return call.overdue() ? 1 : 2;
    }
}
