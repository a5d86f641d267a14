package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment as the API shows it (docs/api.md {@code Payment}); {@code tendered} and
 * {@code change} are {@code null} for a card.
 */
record PaymentJson(UUID id, PaymentMethod method, BigDecimal amount, BigDecimal tip, BigDecimal tendered,
		BigDecimal change, String takenBy, Instant paidAt) {

	static PaymentJson of(Payment payment) {
		return new PaymentJson(payment.getId(), payment.getMethod(), payment.getAmount(), payment.getTip(),
				payment.getTendered(), payment.getChange(), payment.getTakenBy(), payment.getPaidAt());
	}

}
