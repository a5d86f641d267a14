package org.example.restaurant.kitchen.ticket;

/**
 * Where a ticket is in the kitchen: {@code QUEUED -> PREPARING -> READY}, or
 * {@code CANCELLED} while still queued.
 */
public enum TicketStatus {

	QUEUED, PREPARING, READY, CANCELLED

}
