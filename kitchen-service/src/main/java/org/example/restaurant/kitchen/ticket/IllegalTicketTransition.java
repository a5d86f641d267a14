package org.example.restaurant.kitchen.ticket;

import java.util.Map;
import java.util.UUID;

import org.example.restaurant.platform.problem.ConflictException;

/**
 * A ticket was asked to move in a way its lifecycle does not allow; nothing changed.
 * Answered with 409.
 */
public abstract class IllegalTicketTransition extends ConflictException {

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

	@Override
	public Map<String, Object> properties() {
		return Map.of("ticketId", this.ticketId, "ticketStatus", this.status);
	}

}
