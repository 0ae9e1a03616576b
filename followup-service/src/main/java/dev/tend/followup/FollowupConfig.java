package dev.tend.followup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "tend.followup")
public interface FollowupConfig {

    /** How soon after a visit its thank-you message goes out. */
    @WithDefault("PT2H")
    Duration visitThankYouDelay();

    Scheduler scheduler();

    interface Scheduler {

        /** Off only in tests that drive firing themselves. */
        @WithDefault("true")
        boolean enabled();

        /** How often an idle instance looks for due tasks. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** Tasks claimed (and fired) per transaction. */
        @WithDefault("200")
        int batchSize();
    }
}
