package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Object mother: bills as a shift produces them.
 */
final class Bills {

	static final Instant OPENED_AT = Instant.parse("2026-11-25T19:00:00Z");

	static final Instant PAID_AT = Instant.parse("2026-11-25T19:20:00Z");

	static final TaxRule TEN_PERCENT_INCLUDED = new TaxRule(new BigDecimal("0.10"), true);

	static final TaxRule TEN_PERCENT_ON_TOP = new TaxRule(new BigDecimal("0.10"), false);

	private Bills() {
	}

	/**
	 * Two margheritas at 9.50 for table T4, 10 % tax included: total 19.00, tax 1.73.
	 */
	static Bill margheritasForTwo() {
		return open(TEN_PERCENT_INCLUDED, BillLine.of("Margherita", 2, new BigDecimal("9.50")));
	}

	static Bill open(TaxRule rule, BillLine... lines) {
		return openAt(OPENED_AT, rule, lines);
	}

	static Bill openAt(Instant at, TaxRule rule, BillLine... lines) {
		return Bill.open(UUID.randomUUID(), "T4", "EUR", List.of(lines), rule, at);
	}

	/**
	 * A bill with a single line costing {@code total}, tax included.
	 */
	static Bill costing(String total) {
		return open(TEN_PERCENT_INCLUDED, BillLine.of("Tasting menu", 1, new BigDecimal(total)));
	}

	static BigDecimal eur(String amount) {
		return new BigDecimal(amount);
	}

}
