package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.example.restaurant.platform.money.Money;

/**
 * How tax is computed on a bill: the one place of that rule. Every result is rounded to
 * cents half-up by {@link Money}, and the three amounts always add up:
 * {@code subtotal + tax = total}.
 * <ul>
 * <li>When prices include tax (a European menu), the customer pays what the menu says:
 * {@code total} is the sum of the line totals, the tax is the share of it that is tax,
 * {@code tax = round(total - total / (1 + rate))} (computed as
 * {@code total * rate / (1 + rate)} with a single rounding, which is the same amount),
 * and {@code subtotal = total - tax}. With 10 %, a 9.50 total holds 0.86 tax and a 8.64
 * subtotal.</li>
 * <li>When prices exclude tax, the tax comes on top: {@code subtotal} is the sum of the
 * line totals, {@code tax = round(subtotal * rate)} and {@code total = subtotal + tax}.
 * With 10 %, 12.25 gives 1.225, rounded half-up to 1.23 tax.</li>
 * </ul>
 *
 * A bill records the rule its totals were computed with (columns {@code tax_rate},
 * {@code prices_include_tax}).
 *
 * @param rate the tax rate as a fraction ({@code 0.10} is 10 %), not negative
 * @param pricesIncludeTax whether the line totals already include tax
 */
@Embeddable
public record TaxRule(@Column(name = "tax_rate") BigDecimal rate,
		@Column(name = "prices_include_tax") boolean pricesIncludeTax) {

	public TaxRule {
		Objects.requireNonNull(rate, "rate");
		if (rate.signum() < 0) {
			throw new IllegalArgumentException("A tax rate cannot be negative: " + rate);
		}
		// the same rate reads the same whether it came from settings (0.10) or from the
		// database (0.1000)
		rate = rate.stripTrailingZeros();
		if (rate.scale() < 2) {
			rate = rate.setScale(2);
		}
	}

	/**
	 * The rate as a percentage, for people: {@code 10} for 0.10, {@code 7.5} for 0.075.
	 * @return the rate times a hundred, without trailing zeros
	 */
	public String percent() {
		return this.rate.movePointRight(2).stripTrailingZeros().toPlainString();
	}

	/**
	 * Applies this rule to the sum of a bill's line totals.
	 * @param linesTotal the sum of the line totals, in cents
	 * @return the subtotal, tax and total of the bill
	 */
	public Totals apply(BigDecimal linesTotal) {
		BigDecimal sum = Money.of(linesTotal);
		if (this.pricesIncludeTax) {
			BigDecimal tax = Money.divide(sum.multiply(this.rate), BigDecimal.ONE.add(this.rate));
			return new Totals(sum.subtract(tax), tax, sum);
		}
		BigDecimal tax = Money.of(sum.multiply(this.rate));
		return new Totals(sum, tax, sum.add(tax));
	}

	/**
	 * The amounts at the foot of a bill, as a bill stores them.
	 *
	 * @param subtotal the amount before tax
	 * @param tax the tax
	 * @param total what the customer pays, {@code subtotal + tax}
	 */
	@Embeddable
	public record Totals(@Column(name = "subtotal", nullable = false) BigDecimal subtotal,
			@Column(name = "tax", nullable = false) BigDecimal tax,
			@Column(name = "total", nullable = false) BigDecimal total) {
	}

}
