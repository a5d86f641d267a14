package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.example.restaurant.platform.money.Money;

/**
 * One line of a bill, copied from the order when the bill is opened, so that later menu
 * changes do not change it. Every line, also one read back from the database, is checked:
 * a name, at least one, a unit price in whole cents, and the total that price times the
 * quantity makes.
 *
 * @param name the item's name as ordered
 * @param quantity how many, at least one
 * @param unitPrice the price of one, in whole cents, not negative
 * @param lineTotal {@code unitPrice * quantity}
 */
@Embeddable
public record BillLine(@Column(name = "name", nullable = false) String name,
		@Column(name = "quantity", nullable = false) int quantity,
		@Column(name = "unit_price", nullable = false) BigDecimal unitPrice,
		@Column(name = "line_total", nullable = false) BigDecimal lineTotal) {

	public BillLine {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A bill line needs a name");
		}
		if (quantity < 1) {
			throw new IllegalArgumentException("A bill line needs a quantity of at least 1, not " + quantity);
		}
		if (unitPrice == null || unitPrice.signum() < 0 || !Money.isWholeCents(unitPrice)) {
			throw new IllegalArgumentException("A bill line needs a unit price in whole cents, not " + unitPrice);
		}
		unitPrice = Money.of(unitPrice);
		BigDecimal total = Money.times(unitPrice, quantity);
		if (lineTotal == null || lineTotal.compareTo(total) != 0) {
			throw new IllegalArgumentException(
					"A bill line of " + quantity + " x " + unitPrice + " totals " + total + ", not " + lineTotal);
		}
		lineTotal = total;
	}

	/**
	 * A line of {@code quantity} times the item at {@code unitPrice}.
	 * @param name the item's name as ordered
	 * @param quantity how many, at least one
	 * @param unitPrice the price of one, in whole cents, not negative
	 * @return the line with its total
	 * @throws IllegalArgumentException if the name is blank, the quantity less than one
	 * or the price negative or not in whole cents
	 */
	public static BillLine of(String name, int quantity, BigDecimal unitPrice) {
		// a missing price is refused by the constructor, with its own message
		return new BillLine(name, quantity, unitPrice, (unitPrice != null) ? Money.times(unitPrice, quantity) : null);
	}

}
