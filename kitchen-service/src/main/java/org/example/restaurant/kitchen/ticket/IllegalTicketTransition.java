package org.example.restaurant.kitchen.ticket;

import java.util.Map;
import java.util.UUID;

import org.example.restaurant.platform.problem.ConflictException;

/**
 * A ticket was asked to move in a way its lifecycle does not allow; nothing changed.
 * Answered with 409.
 */
public abstract class IllegalTicketTransition extends ConflictException {

	protected IllegalTicketTransition(UUID ticketId, TicketStatus status, String message) {
		// not "status": that member of a problem is the HTTP status
		super(message, Map.of("ticketId", ticketId, "ticketStatus", status));
	}

}
