package dev.tend.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "tend.outbox")
public interface OutboxConfig {

    /** Off only in tests that inspect the outbox table itself. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Rows published per transaction. */
    @WithDefault("500")
    int batchSize();

    /** The fallback poll when no commit notification arrives (lost LISTEN connection, another instance's rows). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long to wait before retrying after Kafka or the database failed. */
    @WithDefault("1s")
    Duration retryBackoff();
}
