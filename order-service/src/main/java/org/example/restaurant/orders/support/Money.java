package org.example.restaurant.orders.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The one place that knows how money is represented: {@link BigDecimal} with two
 * decimals, rounded half-up to the cent. Prices, line totals and order totals all go
 * through here so that no amount with another scale reaches the database or the JSON.
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
