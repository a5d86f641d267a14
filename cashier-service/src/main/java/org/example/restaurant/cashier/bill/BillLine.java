package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.example.restaurant.platform.money.Money;

/**
 * One line of a bill, copied from the order when the bill is opened, so that later menu
 * changes do not change it.
 */
@Embeddable
public class BillLine {

	@Column(name = "name", nullable = false)
	private String name;

	@Column(name = "quantity", nullable = false)
	private int quantity;

	@Column(name = "unit_price", nullable = false)
	private BigDecimal unitPrice;

	@Column(name = "line_total", nullable = false)
	private BigDecimal lineTotal;

	protected BillLine() {
	}

	private BillLine(String name, int quantity, BigDecimal unitPrice) {
		this.name = name;
		this.quantity = quantity;
		this.unitPrice = Money.of(unitPrice);
		this.lineTotal = Money.of(unitPrice.multiply(BigDecimal.valueOf(quantity)));
	}

	/**
	 * A line of {@code quantity} times the item at {@code unitPrice}.
	 * @param name the item's name as ordered
	 * @param quantity how many, at least one
	 * @param unitPrice the price of one, in whole cents, not negative
	 * @return the line with its total
	 */
	public static BillLine of(String name, int quantity, BigDecimal unitPrice) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A bill line needs a name");
		}
		if (quantity < 1) {
			throw new IllegalArgumentException("A bill line needs a quantity of at least 1, not " + quantity);
		}
		if (unitPrice == null || unitPrice.signum() < 0 || !Money.isWholeCents(unitPrice)) {
			throw new IllegalArgumentException("A bill line needs a unit price in whole cents, not " + unitPrice);
		}
		return new BillLine(name, quantity, unitPrice);
	}

	public String getName() {
		return this.name;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public BigDecimal getUnitPrice() {
		return this.unitPrice;
	}

	public BigDecimal getLineTotal() {
		return this.lineTotal;
	}

}
