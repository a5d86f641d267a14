package org.example.restaurant.platform.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a side effect that must only ever report what was committed, such as counting a
 * business metric: after the current transaction committed, never if it rolls back, and
 * at once when no transaction is active.
 * <p>
 * Business metrics are counted by plain {@code @EventListener}s of the domain events,
 * which run in the transaction that published them. A {@code @TransactionalEventListener}
 * (or {@code @ApplicationModuleListener}) would wait for the commit by itself, but Spring
 * Modulith's event publication registry stores an outbox row for every such listener and
 * event: a metric is not a message to be re-sent. Hence this small bridge to Spring's own
 * {@link TransactionSynchronizationManager}.
 * <p>
 * A failing action is logged and swallowed: the change is committed by then (or, without
 * a transaction, already made), and a metric must never turn it into an error.
 */
public final class AfterCommit {

	private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

	private AfterCommit() {
	}

	/**
	 * Runs {@code action} once the current transaction committed; not at all if it rolls
	 * back; at once if no transaction is active on this thread.
	 * @param action what to do, e.g. increment a counter
	 */
	public static void run(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					runQuietly(action);
				}
			});
		}
		else {
			runQuietly(action);
		}
	}

	private static void runQuietly(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			log.warn("An after-commit action failed; the change it reports stands: {}", ex.toString(), ex);
		}
	}

}
