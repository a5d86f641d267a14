package org.example.restaurant.kitchen.ticket;

import java.util.UUID;

/**
 * A ticket was asked to move in a way its lifecycle does not allow; nothing changed.
 * Answered with 409.
 */
public abstract class IllegalTicketTransition extends RuntimeException {

	private final UUID ticketId;

	private final TicketStatus status;

	protected IllegalTicketTransition(UUID ticketId, TicketStatus status, String message) {
		super(message);
		this.ticketId = ticketId;
		this.status = status;
	}

	public UUID getTicketId() {
		return this.ticketId;
	}

	public TicketStatus getStatus() {
		return this.status;
	}

}
