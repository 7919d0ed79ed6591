package dev.dualdb.postgres.internal;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a PostgreSQL that is gone from a statement that is wrong: only the first becomes
 * a 503 with {@code Retry-After}; the second stays the error it is.
 */
public final class ConnectionFailures {

    private ConnectionFailures() {
    }

    /**
     * Whether {@code e} means PostgreSQL is gone: Spring's resource-failure types, a
     * rollback that failed because the connection died, or a connection-class SQLSTATE
     * (08xxx, 57P0x) anywhere in the causes.
     * @param e what a PostgreSQL call threw
     * @return whether it is a connection failure
     */
    public static boolean isConnectionFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof SocketException
                    || cause instanceof EOFException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

}
