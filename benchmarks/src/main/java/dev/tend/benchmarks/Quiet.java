package dev.tend.benchmarks;

import dev.tend.infra.TendSystem;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Waits until the system has caught up with an earlier section's load (no outbox rows left, no consumer behind),
 * so that a section measures its own work and not the previous one's backlog.
 */
final class Quiet {

    private Quiet() {
    }

    static void await(TendSystem system, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        int quietChecks = 0;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafka().bootstrapServers()))) {
            while (quietChecks < 3 && System.nanoTime() < deadline) {
                quietChecks = outboxRows(system) == 0 && consumerLag(admin) == 0 ? quietChecks + 1 : 0;
                TimeUnit.SECONDS.sleep(1);
            }
        }
        if (quietChecks < 3) {
            System.out.println("  (the system had not caught up after " + atMost.toSeconds() + " s; measuring anyway)");
        }
    }

    private static long outboxRows(TendSystem system) throws SQLException {
        long rows = 0;
        for (String database : new String[]{"customer", "followup", "notification"}) {
            try (Connection connection = DriverManager.getConnection(system.postgres().jdbcUrl(database),
                    system.postgres().username(), system.postgres().password())) {
                rows += SchedulerBenchmark.count(connection, "SELECT count(*) FROM outbox_message");
            }
        }
        return rows;
    }

    private static long consumerLag(Admin admin) throws Exception {
        long lag = 0;
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            if (!group.groupId().endsWith("-service")) {
                continue; // a benchmark's own consumer, not one of Tend's
            }
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()))).all().get();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                if (entry.getValue() != null) {
                    lag += ends.get(entry.getKey()).offset() - entry.getValue().offset();
                }
            }
        }
        return lag;
    }
}
