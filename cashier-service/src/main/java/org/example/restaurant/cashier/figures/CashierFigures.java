package org.example.restaurant.cashier.figures;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.example.restaurant.cashier.bill.BillStatus;
import org.example.restaurant.cashier.bill.CashierSettings;
import org.example.restaurant.platform.figures.LiveFigures;
import org.example.restaurant.platform.money.Money;

import org.springframework.stereotype.Component;

/**
 * The cashier's figures for the manager's live view (docs/observability.md), read from
 * its own database as at now, each with one aggregate query on an indexed column: the
 * payments of the last minute and hour and what they took ({@code payment.paid_at}), the
 * open bills ({@code bill.status}), and the outbox's backlog, all read the platform's way
 * ({@link LiveFigures}).
 */
@Component
class CashierFigures {

	private final LiveFigures live;

	private final String currency;

	CashierFigures(LiveFigures live, CashierSettings settings) {
		this.live = live;
		this.currency = settings.currency();
	}

	Figures now() {
		return this.live.read((moment) -> {
			Object[] payments = moment.query("""
					select sum(case when p.paidAt > :minuteAgo then 1 else 0 end), count(p), sum(p.amount)
					from Payment p where p.paidAt > :hourAgo and p.paidAt <= :now""", Object[].class)
				.setParameter("minuteAgo", moment.ago(Duration.ofMinutes(1)))
				.setParameter("hourAgo", moment.ago(Duration.ofHours(1)))
				.setParameter("now", moment.at())
				.getSingleResult();
			long openBills = moment.query("select count(b) from Bill b where b.status = :open", Long.class)
				.setParameter("open", BillStatus.OPEN)
				.getSingleResult();
			BigDecimal takings = (payments[2] != null) ? Money.of((BigDecimal) payments[2]) : Money.ZERO;
			return new Figures(moment.at(), LiveFigures.count(payments[0]), LiveFigures.count(payments[1]), takings,
					this.currency, openBills, moment.outboxPending());
		});
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
