package org.example.restaurant.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The one place that knows how money is represented, in every service: {@link BigDecimal}
 * with two decimals, rounded half-up to the cent (0.005 becomes 0.01), as a customer
 * expects from a till. Prices, line totals, bills, tax and payments all go through here,
 * so that no amount with another scale reaches a database or the JSON ({@code 9.50},
 * never {@code 9.5}). The currency is one per restaurant and set in configuration, so an
 * amount needs no currency of its own (which is why this is not JSR-354's
 * {@code MonetaryAmount}).
 */
public final class Money {

	/** Cents. */
	public static final int SCALE = 2;

	/** Half-up to the cent, as a till does. */
	public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

	/** Zero with the money scale. */
	public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

	private Money() {
	}

	/**
	 * Normalizes an amount to the money scale.
	 * @param amount an amount, e.g. {@code 9.5}
	 * @return the amount with two decimals, e.g. {@code 9.50}
	 */
	public static BigDecimal of(BigDecimal amount) {
		Objects.requireNonNull(amount, "amount must not be null");
		return amount.setScale(SCALE, ROUNDING);
	}

	/**
	 * Divides an amount and rounds the quotient to cents, half-up, in one step (so the
	 * quotient is rounded once, not twice).
	 * @param dividend the amount to divide
	 * @param divisor what to divide it by, not zero
	 * @return the quotient with exactly two decimals
	 */
	public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
		return dividend.divide(divisor, SCALE, ROUNDING);
	}

	/**
	 * Whether an amount needs no rounding to be written in cents: {@code 9.5} and
	 * {@code 9.500} do not, {@code 9.505} does.
	 * @param amount any amount
	 * @return {@code true} if the amount has at most two significant decimals
	 */
	public static boolean isWholeCents(BigDecimal amount) {
		return amount.stripTrailingZeros().scale() <= SCALE;
	}

	/**
	 * The price of several units.
	 * @param unitPrice the price of one unit
	 * @param quantity how many
	 * @return {@code unitPrice * quantity} with the money scale
	 */
	public static BigDecimal times(BigDecimal unitPrice, int quantity) {
		return of(unitPrice.multiply(BigDecimal.valueOf(quantity)));
	}

	/**
	 * Adds two amounts.
	 * @param augend an amount
	 * @param addend another amount
	 * @return the sum with the money scale
	 */
	public static BigDecimal plus(BigDecimal augend, BigDecimal addend) {
		return of(augend.add(addend));
	}

}
