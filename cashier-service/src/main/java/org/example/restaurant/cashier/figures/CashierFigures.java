package org.example.restaurant.cashier.figures;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.EntityManager;
import org.example.restaurant.cashier.bill.BillStatus;
import org.example.restaurant.cashier.bill.CashierSettings;
import org.example.restaurant.platform.money.Money;
import org.example.restaurant.platform.outbox.Outbox;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cashier's figures for the manager's live view (docs/observability.md), read from
 * its own database as at now, each with one aggregate query on an indexed column: the
 * payments of the last minute and hour and what they took ({@code payment.paid_at}), the
 * open bills ({@code bill.status}), and the outbox's backlog as the platform's
 * {@link Outbox} saw it at its last look.
 */
@Component
class CashierFigures {

	private final EntityManager entityManager;

	private final Clock clock;

	private final Outbox outbox;

	private final CashierSettings settings;

	CashierFigures(EntityManager entityManager, Clock clock, Outbox outbox, CashierSettings settings) {
		this.entityManager = entityManager;
		this.clock = clock;
		this.outbox = outbox;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	Figures now() {
		Instant now = this.clock.instant();
		Object[] payments = this.entityManager.createQuery("""
				select sum(case when p.paidAt > :minuteAgo then 1 else 0 end), count(p), sum(p.amount)
				from Payment p where p.paidAt > :hourAgo and p.paidAt <= :now""", Object[].class)
			.setParameter("minuteAgo", now.minus(Duration.ofMinutes(1)))
			.setParameter("hourAgo", now.minus(Duration.ofHours(1)))
			.setParameter("now", now)
			.getSingleResult();
		long openBills = this.entityManager
			.createQuery("select count(b) from Bill b where b.status = :open", Long.class)
			.setParameter("open", BillStatus.OPEN)
			.getSingleResult();
		BigDecimal takings = (payments[2] != null) ? Money.of((BigDecimal) payments[2]) : Money.ZERO;
		return new Figures(now, count(payments[0]), count(payments[1]), takings, this.settings.currency(), openBills,
				this.outbox.backlog().pending());
	}

	private static long count(Object value) {
		return (value != null) ? ((Number) value).longValue() : 0;
	}

	/**
	 * The cashier's figures as at {@code at}.
	 *
	 * @param at when they were read (the service's clock)
	 * @param paymentsLastMinute payments taken in the minute up to {@code at}
	 * @param paymentsLastHour payments taken in the hour up to {@code at}
	 * @param takingsLastHour what those payments counted against the bills (their
	 * {@code amount}s, tips not included), scale 2
	 * @param currency the currency of the takings
	 * @param openBills bills {@code OPEN}
	 * @param outboxPending messages in the outbox not yet accepted by the order-service
	 */
	record Figures(Instant at, long paymentsLastMinute, long paymentsLastHour, BigDecimal takingsLastHour,
			String currency, long openBills, int outboxPending) {
	}

}
