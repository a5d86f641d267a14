package org.example.restaurant.orders.order;

/**
 * Where an order is in its life: {@code PLACED -> PREPARING -> READY -> SERVED -> PAID},
 * or {@code CANCELLED} while it is still {@code PLACED}.
 */
public enum OrderStatus {

	/** Accepted; the kitchen has (or will get) a ticket. */
	PLACED,

	/** A cook started. */
	PREPARING,

	/** Cooked, waiting at the pass. */
	READY,

	/** On the table; a bill is opened. */
	SERVED,

	/** The bill is paid. */
	PAID,

	/** Called off before a cook started. */
	CANCELLED

}
