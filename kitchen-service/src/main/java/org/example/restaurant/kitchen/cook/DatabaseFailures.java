package org.example.restaurant.kitchen.cook;

import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures of the database are worth trying again: those that say the database
 * could not be reached or was busy for a moment, not that the request itself is wrong.
 */
final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/**
	 * Whether {@code failure}, or any of its causes, is transient:
	 * <ul>
	 * <li>Spring's {@link TransientDataAccessException} (lock and concurrency failures,
	 * query timeouts, a resource busy for a moment),
	 * {@link RecoverableDataAccessException} and
	 * {@link DataAccessResourceFailureException} (no connection, such as
	 * {@code CannotGetJdbcConnectionException});</li>
	 * <li>{@link CannotCreateTransactionException}: how an unreachable database first
	 * shows through a transaction template, since the transaction is begun by taking a
	 * connection;</li>
	 * <li>JDBC's {@link SQLTransientException} and {@link SQLRecoverableException},
	 * wherever a wrapper left them as a cause (the pool's "connection is not available"
	 * is one).</li>
	 * </ul>
	 * Anything else (a constraint violated, bad SQL, a bug) fails the same way every
	 * time.
	 */
	static boolean isTransient(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
					|| cause instanceof SQLRecoverableException) {
				return true;
			}
		}
		return false;
	}

}
