package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A bill as the API shows it (docs/api.md {@code Bill}), plus {@code openedAt},
 * {@code paidAt}, and the tax rule its totals were computed with ({@code taxRate} as a
 * fraction, {@code pricesIncludeTax}; both {@code null} for bills opened before the rule
 * was recorded).
 */
record BillJson(UUID id, UUID orderId, String table, String currency, List<LineJson> lines, BigDecimal subtotal,
		BigDecimal tax, BigDecimal total, BigDecimal paid, BigDecimal balanceDue, BillStatus status,
		List<PaymentJson> payments, Instant openedAt, Instant paidAt, BigDecimal taxRate, Boolean pricesIncludeTax) {

	static BillJson of(Bill bill) {
		Optional<TaxRule> rule = bill.getTaxRule();
		return new BillJson(bill.getId(), bill.getOrderId(), bill.getTable(), bill.getCurrency(),
				bill.getLines().stream().map(LineJson::of).toList(), bill.getSubtotal(), bill.getTax(), bill.getTotal(),
				bill.getPaid(), bill.getBalanceDue(), bill.getStatus(),
				bill.getPayments().stream().map(PaymentJson::of).toList(), bill.getOpenedAt(), bill.getPaidAt(),
				rule.map(TaxRule::rate).orElse(null), rule.map(TaxRule::pricesIncludeTax).orElse(null));
	}

	record LineJson(String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {

		static LineJson of(BillLine line) {
			return new LineJson(line.name(), line.quantity(), line.unitPrice(), line.lineTotal());
		}

	}

}
