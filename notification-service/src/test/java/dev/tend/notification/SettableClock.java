package dev.tend.notification;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock in tests: it stands still until a test moves it, so retries and timeouts need no sleeping. */
public final class SettableClock extends Clock {

    public static final SettableClock INSTANCE = new SettableClock();

    private volatile Instant now = Instant.now();

    private SettableClock() {
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @ApplicationScoped
    static class Producer {

        @Produces
        @Singleton
        @Unremovable
        Clock clock() {
            return INSTANCE;
        }
    }
}
