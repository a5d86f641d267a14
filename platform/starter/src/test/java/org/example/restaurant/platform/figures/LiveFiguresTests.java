package org.example.restaurant.platform.figures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.example.restaurant.platform.outbox.Outbox;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class LiveFiguresTests {

	static final Instant NOW = Instant.parse("2031-03-14T20:00:00Z");

	private final PlatformTransactionManager transactionManager = new DataSourceTransactionManager(
			new DriverManagerDataSource("jdbc:h2:mem:live-figures"));

	private final Outbox outbox = mock(Outbox.class);

	private final EntityManager entityManager = mock(EntityManager.class);

	private final LiveFigures live = new LiveFigures(Clock.fixed(NOW, ZoneOffset.UTC), this.outbox,
			this.transactionManager, this.entityManager);

	@Test
	void readsInOneReadOnlyTransactionAsAtTheClocksNowWithTheOutboxsBacklog() {
		given(this.outbox.backlog()).willReturn(new Outbox.Backlog(3, 1, NOW.minusSeconds(40)));

		Read read = this.live.read((moment) -> new Read(moment.at(), moment.outboxPending(),
				TransactionSynchronizationManager.isActualTransactionActive(),
				TransactionSynchronizationManager.isCurrentTransactionReadOnly()));

		assertThat(read).isEqualTo(new Read(NOW, 3, true, true));
		assertThat(TransactionSynchronizationManager.isActualTransactionActive()).as("over after the read").isFalse();
	}

	@Test
	void aWindowEndsNow() {
		given(this.outbox.backlog()).willReturn(new Outbox.Backlog(0, 0, null));

		this.live.read((moment) -> {
			assertThat(moment.ago(Duration.ofMinutes(1))).isEqualTo(Instant.parse("2031-03-14T19:59:00Z"));
			assertThat(moment.ago(Duration.ofHours(1))).isEqualTo(Instant.parse("2031-03-14T19:00:00Z"));
			return moment;
		});
	}

	@Test
	void queriesTheServicesOwnEntities() {
		given(this.outbox.backlog()).willReturn(new Outbox.Backlog(0, 0, null));
		@SuppressWarnings("unchecked")
		TypedQuery<Long> count = mock(TypedQuery.class);
		given(this.entityManager.createQuery("select count(b) from Bill b", Long.class)).willReturn(count);

		TypedQuery<Long> query = this.live.read((moment) -> moment.query("select count(b) from Bill b", Long.class));

		assertThat(query).isSameAs(count);
	}

	@Test
	void aSumOverNoRowsCountsZero() {
		assertThat(LiveFigures.count(null)).isZero();
		assertThat(LiveFigures.count(7L)).isEqualTo(7);
		assertThat(LiveFigures.count(Integer.valueOf(2))).isEqualTo(2);
	}

	@Test
	void isThereForAServiceWithAnOutboxOnly() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LiveFiguresAutoConfiguration.class))
			.withBean(Clock.class, Clock::systemUTC)
			.withBean(PlatformTransactionManager.class, () -> this.transactionManager)
			.withBean(EntityManager.class, () -> this.entityManager);

		runner.run((context) -> assertThat(context).doesNotHaveBean(LiveFigures.class));
		runner.withBean(Outbox.class, () -> this.outbox)
			.run((context) -> assertThat(context).hasSingleBean(LiveFigures.class));
	}

	record Read(Instant at, int outboxPending, boolean inTransaction, boolean readOnly) {
	}

}
