package org.example.restaurant.orders.menu;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Object mother for menu items.
 */
public final class MenuItems {

	private MenuItems() {
	}

	public static MenuItem margherita() {
		return new MenuItem("margherita", "Pizza Margherita", MenuCategory.MAIN, new BigDecimal("9.50"), 600,
				Instant.now());
	}

	public static MenuItem espresso() {
		return new MenuItem("espresso", "Espresso", MenuCategory.DRINK, new BigDecimal("2.40"), 45, Instant.now());
	}

	public static MenuItem tiramisu() {
		return new MenuItem("tiramisu", "Tiramisu", MenuCategory.DESSERT, new BigDecimal("6.50"), 120, Instant.now());
	}

	public static MenuItem offTheMenu(MenuItem item) {
		item.changeAvailability(false);
		return item;
	}

}
