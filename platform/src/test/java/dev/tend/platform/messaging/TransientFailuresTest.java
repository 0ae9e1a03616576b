package dev.tend.platform.messaging;

import jakarta.transaction.RollbackException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures a consumer retries in place, and which it dead-letters. */
class TransientFailuresTest {

    @Test
    void shouldRetryWhenThePoolTimedOutWaitingForAConnection() {
        // What Hibernate throws when Agroal gives up while PostgreSQL restarts: no SQLSTATE, only the message.
        var pool = new SQLException("Acquisition timeout while waiting for new connection");
        var failure = new GenericJDBCException("Unable to acquire JDBC Connection", pool);

        assertTrue(TransientFailures.isTransient(new IllegalStateException("handler failed", failure)));
    }

    @Test
    void shouldRetryWhenTheCommitFailedBecauseTheConnectionDied() {
        var rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        assertTrue(TransientFailures.isTransient(new RuntimeException(rollback)));
    }

    @Test
    void shouldRetryADeadlockOrASerializationFailure() {
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("deadlock detected", "40P01"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("could not serialize", "40001"))));
    }

    @Test
    void shouldDeadLetterAConstraintViolationWhereverItIsReported() {
        var unique = new SQLException("duplicate key value violates unique constraint", "23505");
        var rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new ConstraintViolationException("could not execute statement", unique, "uk_plan_key"));

        assertFalse(TransientFailures.isTransient(new RuntimeException(unique)));
        assertFalse(TransientFailures.isTransient(new RuntimeException(rollback)));
    }

    @Test
    void shouldDeadLetterABug() {
        assertFalse(TransientFailures.isTransient(new IllegalArgumentException("no such channel: FAX")));
        assertFalse(TransientFailures.isTransient(new GenericJDBCException("bad statement", new SQLException("syntax error", "42601"))));
    }
}
