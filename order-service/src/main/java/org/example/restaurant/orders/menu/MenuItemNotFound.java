package org.example.restaurant.orders.menu;

import java.util.Map;

import org.example.restaurant.platform.problem.NotFoundException;

/**
 * No menu item has the given id.
 */
public class MenuItemNotFound extends NotFoundException {

	public MenuItemNotFound(String menuItemId) {
		super("Menu item '" + menuItemId + "' does not exist", Map.of("menuItemId", menuItemId));
	}

}
