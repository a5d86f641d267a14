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
 *
 * @param menuItemId the menu item's id
 * @param name the item's name when the order was placed
 * @param unitPrice the price of one when the order was placed, in cents
 * @param quantity how many, at least one
 * @param note a wish for the kitchen, {@code null} when there is none (a blank note is
 * none)
 * @param prepSeconds how long one takes to prepare
 */
@Embeddable
public record OrderLine(String menuItemId, String name, BigDecimal unitPrice, int quantity, String note,
		int prepSeconds) {

	public OrderLine {
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be at least 1");
		}
		Objects.requireNonNull(menuItemId, "menuItemId must not be null");
		Objects.requireNonNull(name, "name must not be null");
		unitPrice = Money.of(unitPrice);
		note = (note == null || note.isBlank()) ? null : note;
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

	/**
	 * @return unit price times quantity, in cents
	 */
	public BigDecimal lineTotal() {
		return Money.times(this.unitPrice, this.quantity);
	}

}
