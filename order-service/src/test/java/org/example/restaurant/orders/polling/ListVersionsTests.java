package org.example.restaurant.orders.polling;

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
 * The versions of the polled lists on the real schema: each transaction that changes a
 * list moves its version once, at its commit, and a rollback not at all. The test runs
 * without a transaction of its own, so that each one commits as in production.
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
		long before = this.versions.current(ListVersions.ORDERS);
		long menu = this.versions.current(ListVersions.MENU);

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.versions.changed(ListVersions.ORDERS);
			this.versions.changed(ListVersions.ORDERS);
			assertThat(this.versions.current(ListVersions.ORDERS)).as("before the commit").isEqualTo(before);
		});

		assertThat(this.versions.current(ListVersions.ORDERS)).isEqualTo(before + 1);
		assertThat(this.versions.current(ListVersions.MENU)).as("another list").isEqualTo(menu);
	}

	@Test
	void keepsTheVersionWhenTheTransactionRollsBack() {
		long before = this.versions.current(ListVersions.ORDERS);

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.versions.changed(ListVersions.ORDERS);
			status.setRollbackOnly();
		});

		assertThat(this.versions.current(ListVersions.ORDERS)).isEqualTo(before);
	}

	@Test
	void movesTheVersionAtOnceOutsideATransaction() {
		long before = this.versions.current(ListVersions.MENU);

		this.versions.changed(ListVersions.MENU);

		assertThat(this.versions.current(ListVersions.MENU)).isEqualTo(before + 1);
	}

	@Test
	void movesEveryVersionWhenTheServiceStarts() {
		long orders = this.versions.current(ListVersions.ORDERS);
		long menu = this.versions.current(ListVersions.MENU);

		this.versions.newRelease();

		assertThat(this.versions.current(ListVersions.ORDERS)).isGreaterThan(orders);
		assertThat(this.versions.current(ListVersions.MENU)).isGreaterThan(menu);
	}

	@Test
	void knowsNoOtherList() {
		assertThatIllegalStateException().isThrownBy(() -> this.versions.changed("bills"));
	}

}
