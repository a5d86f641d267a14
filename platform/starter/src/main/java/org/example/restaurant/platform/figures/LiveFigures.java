package org.example.restaurant.platform.figures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.example.restaurant.platform.outbox.Outbox;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a service's figures for the manager's live view (docs/observability.md, "The
 * manager's live view") the one way every service reads them: all its queries in one
 * read-only transaction, as at one instant of the service's {@link Clock}, with the
 * outbox's backlog as the platform's {@link Outbox} saw it at its last look (every
 * {@code restaurant.outbox.resubmit-interval}). What the figures are, and their queries,
 * stay the service's own.
 */
public class LiveFigures {

	private final Clock clock;

	private final Outbox outbox;

	private final TransactionTemplate readOnly;

	private final EntityManager entityManager;

	public LiveFigures(Clock clock, Outbox outbox, PlatformTransactionManager transactionManager,
			EntityManager entityManager) {
		this.clock = clock;
		this.outbox = outbox;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.entityManager = entityManager;
	}

	/**
	 * Reads the figures now.
	 * @param <F> the service's figures
	 * @param figures reads them, as at the moment it is given
	 * @return what it read
	 */
	public <F> F read(Function<Moment, F> figures) {
		return this.readOnly.execute((status) -> figures
			.apply(new Moment(this.clock.instant(), this.outbox.backlog().pending(), this.entityManager)));
	}

	/**
	 * A count from an aggregate query: {@code sum(...)} over no rows is {@code null},
	 * which counts 0.
	 * @param value the query's value, a {@link Number} or {@code null}
	 * @return the count
	 */
	public static long count(Object value) {
		return (value != null) ? ((Number) value).longValue() : 0;
	}

	/**
	 * The moment figures are read at, and the queries that read them.
	 *
	 * @param at the instant the figures are as at (the service's clock)
	 * @param outboxPending the service's outbox messages not yet accepted by their
	 * receivers, at the outbox's last look
	 * @param entityManager the service's entity manager, in the reading's read-only
	 * transaction
	 */
	public record Moment(Instant at, int outboxPending, EntityManager entityManager) {

		/**
		 * The start of a window that ends now, such as the last minute.
		 * @param span how far back the window reaches
		 * @return {@code at - span}
		 */
		public Instant ago(Duration span) {
			return this.at.minus(span);
		}

		/**
		 * A JPQL query over the service's own entities, read in this reading's
		 * transaction.
		 * @param <T> what a row is
		 * @param jpql the query
		 * @param row what a row is
		 * @return the query, its parameters still to be set
		 */
		public <T> TypedQuery<T> query(String jpql, Class<T> row) {
			return this.entityManager.createQuery(jpql, row);
		}

	}

}
