package org.example.restaurant.platform.polling;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The version of each list that the front-of-house screens poll, kept in the service's
 * database ({@code list_version}), so that every instance of the service sees every
 * instance's changes: the ETag of a list is its version ({@link Polled}). A counter in
 * memory would not do: the instances answer polls in turn, and each would know only its
 * own changes.
 * <p>
 * A change of what a list shows calls {@link #changed}: inside a transaction the version
 * goes up just before that transaction commits, in it, so the new version and the change
 * become visible together, and a rollback takes both back; outside one, at once, after
 * the change (which committed already), in a transaction of its own. Readers read the
 * version first and the list after, so a change that lands between the two is answered
 * with the old version and the new list, which the next poll fetches again: never the new
 * version with the old list.
 * <p>
 * The row stays locked from the update to the commit, so changes of one list commit one
 * after the other; the update is the transaction's last statement, which keeps that
 * short. The versions also go up when the service starts, so that a screen's ETags from
 * before a new release (which may show a list with more fields) do not match. Each list
 * of {@code restaurant.polling.lists} gets its row when the service starts, if it has
 * none yet.
 */
public class ListVersions implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(ListVersions.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final List<String> lists;

	ListVersions(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, List<String> lists) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.lists = List.copyOf(lists);
	}

	/**
	 * The list's current version.
	 * @param list one of {@code restaurant.polling.lists}
	 * @return its version, which only ever goes up
	 */
	public long current(String list) {
		List<Long> version = this.jdbc.queryForList("select version from list_version where name = ?", Long.class,
				list);
		if (version.isEmpty()) {
			throw new IllegalStateException("no version of the list " + list);
		}
		return version.get(0);
	}

	/**
	 * What the list shows has changed, or changes in the current transaction.
	 * @param list one of {@code restaurant.polling.lists}
	 */
	public void changed(String list) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// a set: one update per list and transaction, however many changes it makes
			TransactionSynchronizationManager.registerSynchronization(new BeforeCommit(this, list));
		}
		else {
			this.transaction.executeWithoutResult((status) -> bump(list));
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (String list : this.lists) {
			try {
				this.transaction.executeWithoutResult((status) -> {
					if (this.jdbc.queryForObject("select count(*) from list_version where name = ?", Integer.class,
							list) == 0) {
						this.jdbc.update("insert into list_version (name, version) values (?, 0)", list);
						logger.info("Polled list {} has its version row", list);
					}
				});
			}
			catch (DuplicateKeyException ex) {
				// another instance, starting at the same moment, made it
			}
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void newRelease() {
		this.transaction
			.executeWithoutResult((status) -> this.jdbc.update("update list_version set version = version + 1"));
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
