package org.example.restaurant.platform.metrics;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class AfterCommitTests {

	private final TransactionTemplate transaction = new TransactionTemplate(
			new DataSourceTransactionManager(new DriverManagerDataSource("jdbc:h2:mem:after-commit")));

	private final AtomicInteger runs = new AtomicInteger();

	@Test
	void runsOnceTheTransactionCommittedAndNotBefore() {
		this.transaction.executeWithoutResult((status) -> {
			AfterCommit.run(this.runs::incrementAndGet);
			assertThat(this.runs).as("still in the transaction").hasValue(0);
		});

		assertThat(this.runs).hasValue(1);
	}

	@Test
	void neverRunsWhenTheTransactionRollsBack() {
		this.transaction.executeWithoutResult((status) -> {
			AfterCommit.run(this.runs::incrementAndGet);
			status.setRollbackOnly();
		});

		assertThat(this.runs).hasValue(0);
	}

	@Test
	void runsAtOnceWithoutATransaction() {
		AfterCommit.run(this.runs::incrementAndGet);

		assertThat(this.runs).hasValue(1);
	}

	@Test
	void aFailingActionDoesNotFailTheCommittedChange() {
		assertThatNoException().isThrownBy(() -> this.transaction.executeWithoutResult((status) -> {
			AfterCommit.run(() -> {
				throw new IllegalStateException("no registry");
			});
			AfterCommit.run(this.runs::incrementAndGet);
		}));
		assertThatNoException().isThrownBy(() -> AfterCommit.run(() -> {
			throw new IllegalStateException("no registry");
		}));

		assertThat(this.runs).as("the next action still ran").hasValue(1);
	}

}
