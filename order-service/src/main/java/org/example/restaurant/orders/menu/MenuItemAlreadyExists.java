package org.example.restaurant.orders.menu;

import java.util.Map;

import org.example.restaurant.platform.problem.ConflictException;

/**
 * A new menu item was given an id that is already taken.
 */
public class MenuItemAlreadyExists extends ConflictException {

	public MenuItemAlreadyExists(String menuItemId) {
		super("Menu item '" + menuItemId + "' already exists; use PUT /api/menu/" + menuItemId + " to change it",
				Map.of("menuItemId", menuItemId));
	}

}
