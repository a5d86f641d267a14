package org.example.restaurant.kitchen.ticket;

import java.util.UUID;

/**
 * Only a ticket that a cook is preparing can be marked ready.
 */
public class TicketNotPreparing extends IllegalTicketTransition {

	TicketNotPreparing(UUID ticketId, TicketStatus status) {
		super(ticketId, status, "Ticket %s is %s, so it cannot be marked ready: only a PREPARING ticket can"
			.formatted(ticketId, status));
	}

}
