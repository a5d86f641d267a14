package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.example.restaurant.platform.idempotency.Fingerprint;

/**
 * {@code POST /api/bills/{id}/payments}: {@code {"method": "CASH", "amount": 20.00,
 * "tip": 2.00, "tendered": 25.00}}. The rules that need the bill (balance, cash covering
 * amount and tip, no tendered amount for a card) are the bill's own.
 */
record PaymentRequest(@NotNull PaymentMethod method,
		@NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 8, fraction = 2,
				message = WHOLE_CENTS) BigDecimal amount,
		@DecimalMin("0.00") @Digits(integer = 8, fraction = 2, message = WHOLE_CENTS) BigDecimal tip,
		@DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 8, fraction = 2,
				message = WHOLE_CENTS) BigDecimal tendered) {

	static final String WHOLE_CENTS = "must be whole cents (at most 2 decimals, 8 digits before the point)";

	/**
	 * What makes this payment the payment it is, for {@code Idempotency-Key}: the bill
	 * and every field, amounts by value, an absent tip as a zero tip.
	 * @param billId the bill it is for
	 * @return the fingerprint
	 */
	Fingerprint fingerprint(UUID billId) {
		return Fingerprint.of(billId, this.method, this.amount, (this.tip != null) ? this.tip : BigDecimal.ZERO,
				this.tendered);
	}

}
