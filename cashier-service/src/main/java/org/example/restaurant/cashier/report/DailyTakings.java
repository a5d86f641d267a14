package org.example.restaurant.cashier.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.example.restaurant.cashier.bill.BillStatus;
import org.example.restaurant.cashier.bill.CashierSettings;
import org.example.restaurant.cashier.bill.PaymentMethod;
import org.example.restaurant.platform.money.Money;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds up a day's takings in the database (see {@link DailyReport} for what counts on
 * which day): two aggregate queries, one over the payments taken that day and one over
 * the bills paid that day, both read in one transaction so they agree with each other.
 */
@Component
class DailyTakings {

	private final EntityManager entityManager;

	private final CashierSettings settings;

	DailyTakings(EntityManager entityManager, CashierSettings settings) {
		this.entityManager = entityManager;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	DailyReport of(LocalDate date) {
		ZoneId zone = this.settings.zone();
		Instant from = date.atStartOfDay(zone).toInstant();
		Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();

		Map<PaymentMethod, DailyReport.MethodTotals> byMethod = new EnumMap<>(PaymentMethod.class);
		for (PaymentMethod method : PaymentMethod.values()) {
			byMethod.put(method, new DailyReport.MethodTotals(0, Money.ZERO, Money.ZERO));
		}
		List<Object[]> payments = this.entityManager.createQuery("""
				select p.method, count(p), sum(p.amount), sum(p.tip) from Payment p
				where p.paidAt >= :from and p.paidAt < :to group by p.method""", Object[].class)
			.setParameter("from", from)
			.setParameter("to", to)
			.getResultList();
		for (Object[] row : payments) {
			byMethod.put((PaymentMethod) row[0],
					new DailyReport.MethodTotals(((Number) row[1]).longValue(), money(row[2]), money(row[3])));
		}

		Object[] bills = this.entityManager.createQuery("""
				select count(b), sum(b.totals.total), sum(b.totals.tax) from Bill b
				where b.status = :paid and b.paidAt >= :from and b.paidAt < :to""", Object[].class)
			.setParameter("paid", BillStatus.PAID)
			.setParameter("from", from)
			.setParameter("to", to)
			.getSingleResult();

		long paymentCount = byMethod.values().stream().mapToLong(DailyReport.MethodTotals::count).sum();
		BigDecimal tips = byMethod.values()
			.stream()
			.map(DailyReport.MethodTotals::tips)
			.reduce(Money.ZERO, BigDecimal::add);
		return new DailyReport(date, zone.getId(), from, to, this.settings.currency(), ((Number) bills[0]).longValue(),
				money(bills[1]), money(bills[2]), tips, byMethod, paymentCount);
	}

	private static BigDecimal money(Object sum) {
		return (sum != null) ? Money.of((BigDecimal) sum) : Money.ZERO;
	}

}
