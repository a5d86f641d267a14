package org.example.restaurant.orders.menu;

import java.util.Map;

import org.example.restaurant.platform.problem.ConflictException;

/**
 * A new menu item was given an id that is already taken.
 */
public class MenuItemAlreadyExists extends ConflictException {

	private final String menuItemId;

	public MenuItemAlreadyExists(String menuItemId) {
		super("Menu item '" + menuItemId + "' already exists; use PUT /api/menu/" + menuItemId + " to change it");
		this.menuItemId = menuItemId;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("menuItemId", this.menuItemId);
	}

}
