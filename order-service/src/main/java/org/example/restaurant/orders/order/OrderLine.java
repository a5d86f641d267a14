package org.example.restaurant.orders.order;

import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Embeddable;
import org.example.restaurant.orders.menu.MenuItem;
import org.example.restaurant.platform.money.Money;

/**
 * One line of an order: a menu item as it was when the order was placed. Name, unit price
 * and prep time are copies, so later menu changes do not change this order, its ticket or
 * its bill; the prep time is kept so the kitchen ticket can be rebuilt from the order.
 */
@Embeddable
public class OrderLine {

	private String menuItemId;

	private String name;

	private BigDecimal unitPrice;

	private int quantity;

	private String note;

	private int prepSeconds;

	protected OrderLine() {
	}

	OrderLine(String menuItemId, String name, BigDecimal unitPrice, int quantity, String note, int prepSeconds) {
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be at least 1");
		}
		this.menuItemId = Objects.requireNonNull(menuItemId, "menuItemId must not be null");
		this.name = Objects.requireNonNull(name, "name must not be null");
		this.unitPrice = Money.of(unitPrice);
		this.quantity = quantity;
		this.note = (note == null || note.isBlank()) ? null : note;
		this.prepSeconds = prepSeconds;
	}

	/**
	 * A line for the given item as the menu describes it now.
	 * @param item the menu item
	 * @param quantity how many
	 * @param note a wish for the kitchen, may be {@code null}
	 * @return the line
	 */
	public static OrderLine of(MenuItem item, int quantity, String note) {
		return new OrderLine(item.getId(), item.getName(), item.getPrice(), quantity, note, item.getPrepSeconds());
	}

	public String getMenuItemId() {
		return this.menuItemId;
	}

	public String getName() {
		return this.name;
	}

	public BigDecimal getUnitPrice() {
		return this.unitPrice;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public String getNote() {
		return this.note;
	}

	public int getPrepSeconds() {
		return this.prepSeconds;
	}

	/**
	 * @return unit price times quantity, in cents
	 */
	public BigDecimal getLineTotal() {
		return Money.times(this.unitPrice, this.quantity);
	}

}
