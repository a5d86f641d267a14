package org.example.restaurant.orders.menu;

import java.util.Map;

import org.example.restaurant.platform.problem.NotFoundException;

/**
 * No menu item has the given id.
 */
public class MenuItemNotFound extends NotFoundException {

	private final String menuItemId;

	public MenuItemNotFound(String menuItemId) {
		super("Menu item '" + menuItemId + "' does not exist");
		this.menuItemId = menuItemId;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("menuItemId", this.menuItemId);
	}

}
