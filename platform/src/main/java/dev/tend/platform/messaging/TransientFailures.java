package dev.tend.platform.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure worth retrying (the database restarting, a lock conflict) from one that will recur on
 * every attempt (a bad record, a bug), which must be dead-lettered instead of blocking the partition.
 */
final class TransientFailures {

    /** SQLSTATE classes: connection exception, transaction rollback (serialization, deadlock), insufficient resources, operator intervention. */
    private static final Set<String> TRANSIENT_SQLSTATE_CLASSES = Set.of("08", "40", "53", "57");

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        return isTransient(failure, 0);
    }

    /**
     * Walks the causes and the suppressed exceptions: a transaction manager that fails to commit because the
     * connection died reports the database's error as a suppressed exception of its RollbackException.
     */
    private static boolean isTransient(Throwable failure, int depth) {
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            for (Throwable suppressed : t.getSuppressed()) {
                if (isTransient(suppressed, depth + 1)) {
                    return true;
                }
            }
            if (isAcquisitionTimeout(t)) {
                return true;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && TRANSIENT_SQLSTATE_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.endsWith("JDBCConnectionException") || name.endsWith("LockAcquisitionException")
                    || name.endsWith("OptimisticLockException") || name.endsWith("StaleObjectStateException")
                    || name.endsWith("TransactionTimeoutException") || name.contains("AcquisitionTimeout")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The connection pool (Agroal) gives up waiting for a connection with a plain SQLException that has no
     * SQLSTATE, only this message; Hibernate then wraps it as a generic JDBC error. It means the database is
     * restarting or every connection is busy: both pass.
     */
    private static boolean isAcquisitionTimeout(Throwable t) {
        return t instanceof SQLException && t.getMessage() != null && t.getMessage().startsWith("Acquisition timeout");
    }
}
