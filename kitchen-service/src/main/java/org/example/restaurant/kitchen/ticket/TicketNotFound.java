package org.example.restaurant.kitchen.ticket;

import java.util.UUID;

import org.example.restaurant.platform.problem.NotFoundException;

/**
 * No ticket with that id. Answered with 404.
 */
public class TicketNotFound extends NotFoundException {

	private TicketNotFound(String message) {
		super(message);
	}

	static TicketNotFound withId(UUID id) {
		return new TicketNotFound("No ticket with id " + id);
	}

}
