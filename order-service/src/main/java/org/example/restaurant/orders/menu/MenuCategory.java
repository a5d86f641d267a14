package org.example.restaurant.orders.menu;

/**
 * Where an item sits on the menu card.
 */
public enum MenuCategory {

	STARTER, MAIN, DESSERT, DRINK

}
