package org.example.restaurant.orders.polling;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The version of each list that the front-of-house screens poll, kept in the database
 * ({@code list_version}), so that every instance of the service sees every instance's
 * changes: the ETag of a list is its version ({@link Polled}).
 * <p>
 * A change of what a list shows calls {@link #changed}: inside a transaction the version
 * goes up just before that transaction commits, in it, so the new version and the change
 * become visible together, and a rollback takes both back; outside one, at once, after
 * the change (which committed already). Readers read the version first and the list
 * after, so a change that lands between the two is answered with the old version and the
 * new list, which the next poll fetches again: never the new version with the old list.
 * <p>
 * The row stays locked from the update to the commit, so changes of one list commit one
 * after the other; the update is the transaction's last statement, which keeps that
 * short. The versions also go up when the service starts, so that a screen's ETags from
 * before a new release (which may show a list with more fields) do not match.
 */
@Component
public class ListVersions {

	/** The menu ({@code GET /api/menu}). */
	public static final String MENU = "menu";

	/** The orders ({@code GET /api/orders}). */
	public static final String ORDERS = "orders";

	private final JdbcTemplate jdbc;

	ListVersions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The list's current version.
	 * @param list {@link #MENU} or {@link #ORDERS}
	 * @return its version, which only ever goes up
	 */
	public long current(String list) {
		Long version = this.jdbc.queryForObject("select version from list_version where name = ?", Long.class, list);
		if (version == null) {
			throw new IllegalStateException("no version of the list " + list);
		}
		return version;
	}

	/**
	 * What the list shows has changed, or changes in the current transaction.
	 * @param list {@link #MENU} or {@link #ORDERS}
	 */
	public void changed(String list) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// a set: one update per list and transaction, however many changes it makes
			TransactionSynchronizationManager.registerSynchronization(new BeforeCommit(this, list));
		}
		else {
			bump(list);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void newRelease() {
		this.jdbc.update("update list_version set version = version + 1");
	}

	private void bump(String list) {
		if (this.jdbc.update("update list_version set version = version + 1 where name = ?", list) != 1) {
			throw new IllegalStateException("no version of the list " + list);
		}
	}

	private record BeforeCommit(ListVersions versions, String list) implements TransactionSynchronization {

		@Override
		public void beforeCommit(boolean readOnly) {
			this.versions.bump(this.list);
		}

	}

}
