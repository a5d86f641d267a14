package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A bill as the API shows it (API.md {@code Bill}), plus {@code openedAt} and
 * {@code paidAt}.
 */
record BillJson(UUID id, UUID orderId, String table, String currency, List<LineJson> lines, BigDecimal subtotal,
		BigDecimal tax, BigDecimal total, BigDecimal paid, BigDecimal balanceDue, BillStatus status,
		List<PaymentJson> payments, Instant openedAt, Instant paidAt) {

	static BillJson of(Bill bill) {
		return new BillJson(bill.getId(), bill.getOrderId(), bill.getTable(), bill.getCurrency(),
				bill.getLines().stream().map(LineJson::of).toList(), bill.getSubtotal(), bill.getTax(), bill.getTotal(),
				bill.getPaid(), bill.getBalanceDue(), bill.getStatus(),
				bill.getPayments().stream().map(PaymentJson::of).toList(), bill.getOpenedAt(), bill.getPaidAt());
	}

	record LineJson(String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {

		static LineJson of(BillLine line) {
			return new LineJson(line.getName(), line.getQuantity(), line.getUnitPrice(), line.getLineTotal());
		}

	}

}
