package dev.tend.notification.sms;

import dev.tend.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;

/**
 * The SMS provider's HTTP API, behind a circuit breaker (SmallRye Fault Tolerance). Only an answer that proves
 * nothing was sent counts against the provider: a connection refused or not opened in time, or a 429, 401 or 5xx
 * before the message was accepted. When too many calls fail so, the breaker opens, and sends fail at once
 * with {@link org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException} without a request
 * leaving, so an outage does not hold the dispatcher in connection timeouts. A request that left and got no answer
 * is not counted as a failure; it reaches the caller unchanged and stays ambiguous there.
 *
 * <p>It opens when half of the last ten calls failed, and tries again after five seconds: while it is open, due
 * messages fail at once and their stored backoff grows, so a longer open time would only hold the queue back once
 * the provider is back. Each value can be overridden by configuration (the service README's Fault tolerance table).
 *
 * <p>The timeouts stay the HTTP client's own ({@code tend.notification.sms.timeout}), not a {@code @Timeout}: the
 * client knows whether the connection was ever opened (nothing sent: retry) or the request left and the answer did
 * not come (ambiguous: reconcile), and a {@code @Timeout} around the whole call cannot tell those apart. Nor is there
 * a {@code @Retry}: a failed attempt is retried by {@code MessageDelivery} from the row, with backoff, so the retry
 * survives a restart and is shared by every instance, which an in-memory retry inside one call cannot be.
 */
@ApplicationScoped
public class SmsApi {

    /** The breaker's name, for {@code CircuitBreakerMaintenance} (its state, a reset). */
    public static final String BREAKER = "sms-api";

    private final HttpClient http;

    public SmsApi(NotificationConfig config) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.sms().timeout())
                .build();
    }

    /**
     * Sends a message (a {@code POST} to {@code Messages.json}).
     *
     * @throws NothingSent when the provider certainly did not take the message (counted by the breaker)
     * @throws IOException when the request may have left but no answer came (not counted)
     */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            failOn = NothingSent.class)
    @CircuitBreakerName(SmsApi.BREAKER)
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new NothingSent(null, e);
        }
        int status = response.statusCode();
        if (status == 429 || status == 401 || status >= 500) {
            throw new NothingSent(response, null);
        }
        return response;
    }

    /** Lists or fetches what the provider holds (a {@code GET}): a read, so it is not guarded. */
    public HttpResponse<String> read(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The provider did not take the message: either no connection ({@code response} null, the cause says why) or
     * an answer that refuses it ({@code response} set).
     */
    public static final class NothingSent extends RuntimeException {

        private final transient HttpResponse<String> response;

        NothingSent(HttpResponse<String> response, Throwable cause) {
            super(response != null ? "answered " + response.statusCode()
                    : cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName(), cause, false, false);
            this.response = response;
        }

        /** The refusing answer, or null when no connection was made. */
        public HttpResponse<String> response() {
            return response;
        }
    }
}
