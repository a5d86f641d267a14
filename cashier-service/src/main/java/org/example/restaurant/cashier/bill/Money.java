package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place where amounts of money are rounded: to cents, half-up (0.005 becomes
 * 0.01), as a customer expects from a till. Every amount the cashier stores or shows
 * passes through {@link #cents(BigDecimal)}, so it always carries exactly two decimals
 * and is written as such in JSON ({@code 9.50}, never {@code 9.5}).
 */
public final class Money {

	/** Decimals of every amount. */
	public static final int SCALE = 2;

	/** How amounts are rounded to {@link #SCALE}. */
	public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

	/** Nothing, with two decimals. */
	public static final BigDecimal ZERO = cents(BigDecimal.ZERO);

	private Money() {
	}

	/**
	 * Rounds an amount to cents, half-up.
	 * @param amount any amount
	 * @return the amount with exactly two decimals
	 */
	public static BigDecimal cents(BigDecimal amount) {
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
	 * {@code 9.500} do, {@code 9.505} does not.
	 * @param amount any amount
	 * @return {@code true} if the amount has at most two significant decimals
	 */
	public static boolean isWholeCents(BigDecimal amount) {
		return amount.stripTrailingZeros().scale() <= SCALE;
	}

}
