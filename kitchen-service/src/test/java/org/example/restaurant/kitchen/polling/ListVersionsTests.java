package org.example.restaurant.kitchen.polling;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The version of the tickets list on the real schema: each transaction that changes
 * tickets moves it once, at its commit, and a rollback not at all. The test runs without
 * a transaction of its own, so that each one commits as in production.
 */
@DataJpaTest
@Import(ListVersions.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ListVersionsTests {

	@Autowired
	private ListVersions versions;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Test
	void movesTheVersionOnceAtTheCommitOfATransactionThatChangedTheList() {
		long before = this.versions.current(ListVersions.TICKETS);

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.versions.changed(ListVersions.TICKETS);
			this.versions.changed(ListVersions.TICKETS);
			assertThat(this.versions.current(ListVersions.TICKETS)).as("before the commit").isEqualTo(before);
		});

		assertThat(this.versions.current(ListVersions.TICKETS)).isEqualTo(before + 1);
	}

	@Test
	void keepsTheVersionWhenTheTransactionRollsBack() {
		long before = this.versions.current(ListVersions.TICKETS);

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.versions.changed(ListVersions.TICKETS);
			status.setRollbackOnly();
		});

		assertThat(this.versions.current(ListVersions.TICKETS)).isEqualTo(before);
	}

	@Test
	void movesTheVersionAtOnceOutsideATransaction() {
		long before = this.versions.current(ListVersions.TICKETS);

		this.versions.changed(ListVersions.TICKETS);

		assertThat(this.versions.current(ListVersions.TICKETS)).isEqualTo(before + 1);
	}

	@Test
	void movesTheVersionWhenTheReplicaStarts() {
		long before = this.versions.current(ListVersions.TICKETS);

		this.versions.newRelease();

		assertThat(this.versions.current(ListVersions.TICKETS)).isGreaterThan(before);
	}

	@Test
	void knowsNoOtherList() {
		assertThatIllegalStateException().isThrownBy(() -> this.versions.changed("orders"));
	}

}
