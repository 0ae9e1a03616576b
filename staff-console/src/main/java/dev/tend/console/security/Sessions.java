package dev.tend.console.security;

import dev.tend.console.StaffAccount;
import dev.tend.console.StaffSession;
import dev.tend.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Server-side sessions: the browser holds a random id, the database its hash, the person and the CSRF token. */
@ApplicationScoped
public class Sessions {

    /** A live session with its account; {@code cookieValue} is what the browser sent. */
    public record Live(StaffSession session, StaffAccount account) {
    }

    /** A session just opened: the cookie value to set (shown once, never stored). */
    public record Opened(String cookieValue, StaffSession session) {
    }

    private final Duration idleTimeout;
    private final Clock clock;

    public Sessions(ConsoleConfig config, Clock clock) {
        this.idleTimeout = config.session().idleTimeout();
        this.clock = clock;
    }

    /**
     * A new session for the account, with a new id and CSRF token (so a session id planted before sign-in is
     * worthless after it); the previous session of this browser, if any, is deleted.
     */
    @Transactional
    public Opened open(StaffAccount account, String previousCookieValue) {
        if (previousCookieValue != null) {
            StaffSession.deleteById(Secrets.sha256(previousCookieValue));
        }
        String id = Secrets.randomToken();
        StaffSession session = new StaffSession();
        session.idHash = Secrets.sha256(id);
        session.username = account.username;
        session.csrfToken = Secrets.randomToken();
        session.createdAt = clock.instant();
        session.lastSeenAt = session.createdAt;
        session.persist();
        return new Opened(id, session);
    }

    /** The live session for this cookie value; an idle one is deleted and not returned. */
    @Transactional
    public Optional<Live> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        StaffSession session = StaffSession.findById(Secrets.sha256(cookieValue));
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (session.lastSeenAt.plus(idleTimeout).isBefore(now)) {
            session.delete();
            return Optional.empty();
        }
        StaffAccount account = StaffAccount.findById(session.username);
        if (account == null) {
            return Optional.empty();
        }
        if (Duration.between(session.lastSeenAt, now).toMinutes() >= 1) {
            session.lastSeenAt = now;
        }
        return Optional.of(new Live(session, account));
    }

    /** Sign-out: the session is gone on the server, so a copied cookie is worthless too. */
    @Transactional
    public void close(String cookieValue) {
        if (cookieValue != null) {
            StaffSession.deleteById(Secrets.sha256(cookieValue));
        }
    }
}
