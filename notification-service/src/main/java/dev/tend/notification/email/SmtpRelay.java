package dev.tend.notification.email;

import dev.tend.notification.service.Outcome;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import java.time.temporal.ChronoUnit;

/**
 * The SMTP server, behind a circuit breaker (SmallRye Fault Tolerance). A failure counts against the server only
 * when {@link EmailSender#classify} finds that nothing was taken (a refused connection, an unknown host, a 4xx
 * reply): an {@link Outcome.Transient}. When too many calls fail so, the breaker opens, and sends fail at once
 * with {@link org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException} without connecting, so
 * a mail outage does not hold the dispatcher. Permanent refusals (5xx) and timeouts are not counted, and reach the
 * caller unchanged.
 *
 * <p>It opens when half of the last ten calls failed, and tries again after five seconds: while it is open, due
 * messages fail at once and their stored backoff grows, so a longer open time would only hold the queue back once
 * the provider is back. Each value can be overridden by configuration (the service README's Fault tolerance table).
 *
 * <p>No {@code @Retry} here: a failed attempt is retried by {@code MessageDelivery} from the row, with backoff, so
 * the retry survives a restart and is shared by every instance, which an in-memory retry inside one call cannot be.
 */
@ApplicationScoped
public class SmtpRelay {

    /** The breaker's name, for {@code CircuitBreakerMaintenance} (its state, a reset). */
    public static final String BREAKER = "smtp";

    private final Mailer mailer;

    public SmtpRelay(Mailer mailer) {
        this.mailer = mailer;
    }

    /** @throws NothingSent when the server certainly did not take the message (counted by the breaker) */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            failOn = NothingSent.class)
    @CircuitBreakerName(SmtpRelay.BREAKER)
    public void send(Mail mail) {
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            if (EmailSender.classify(e) instanceof Outcome.Transient) {
                throw new NothingSent(e);
            }
            throw e;
        }
    }

    /** The server did not take the message; {@link #failure()} is what the mailer threw. */
    public static final class NothingSent extends RuntimeException {

        private final RuntimeException failure;

        NothingSent(RuntimeException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }

        public RuntimeException failure() {
            return failure;
        }
    }
}
