package org.example.restaurant.platform.polling;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The contract of the versions of a service's polled lists ({@link ListVersions}), for a
 * service to run on its own schema with its own {@code restaurant.polling.lists}: each
 * transaction that changes a list moves its version once, at its commit, and a rollback
 * not at all. The tests run without a transaction of their own, so that each one commits
 * as in production. A service extends it in a class of its own.
 */
@JdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public abstract class ListVersionsContract {

	@Autowired
	private ListVersions versions;

	@Autowired
	private PollingSettings settings;

	@Autowired
	private PlatformTransactionManager transactionManager;

	private String list;

	@BeforeEach
	void firstListOfTheService() {
		assertThat(this.settings.lists()).as("restaurant.polling.lists").isNotEmpty();
		this.list = this.settings.lists().get(0);
	}

	@Test
	public void movesTheVersionOnceAtTheCommitOfATransactionThatChangedTheList() {
		long before = this.versions.current(this.list);
		List<Long> others = otherLists().stream().map(this.versions::current).toList();

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.versions.changed(this.list);
			this.versions.changed(this.list);
			assertThat(this.versions.current(this.list)).as("before the commit").isEqualTo(before);
		});

		assertThat(this.versions.current(this.list)).isEqualTo(before + 1);
		assertThat(otherLists().stream().map(this.versions::current).toList()).as("the other lists").isEqualTo(others);
	}

	@Test
	public void keepsTheVersionWhenTheTransactionRollsBack() {
		long before = this.versions.current(this.list);

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.versions.changed(this.list);
			status.setRollbackOnly();
		});

		assertThat(this.versions.current(this.list)).isEqualTo(before);
	}

	@Test
	public void movesTheVersionAtOnceOutsideATransaction() {
		long before = this.versions.current(this.list);

		this.versions.changed(this.list);

		assertThat(this.versions.current(this.list)).isEqualTo(before + 1);
	}

	@Test
	public void movesEveryVersionWhenTheServiceStarts() {
		List<Long> before = this.settings.lists().stream().map(this.versions::current).toList();

		this.versions.newRelease();

		List<Long> after = this.settings.lists().stream().map(this.versions::current).toList();
		for (int i = 0; i < before.size(); i++) {
			assertThat(after.get(i)).as(this.settings.lists().get(i)).isGreaterThan(before.get(i));
		}
	}

	@Test
	public void knowsNoOtherList() {
		assertThatIllegalStateException().isThrownBy(() -> this.versions.changed("no-such-list"));
		assertThatIllegalStateException().isThrownBy(() -> this.versions.current("no-such-list"));
	}

	private List<String> otherLists() {
		return this.settings.lists().stream().filter((name) -> !name.equals(this.list)).toList();
	}

}
