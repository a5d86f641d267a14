package org.example.restaurant.orders.menu;

import java.math.BigDecimal;

/**
 * A {@code MenuItem} as docs/api.md describes it.
 */
record MenuItemResponse(String id, String name, MenuCategory category, BigDecimal price, int prepSeconds,
		boolean available) {

	static MenuItemResponse of(MenuItem item) {
		return new MenuItemResponse(item.getId(), item.getName(), item.getCategory(), item.getPrice(),
				item.getPrepSeconds(), item.isAvailable());
	}

}
