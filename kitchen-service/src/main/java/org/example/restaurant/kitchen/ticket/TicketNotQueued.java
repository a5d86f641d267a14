package org.example.restaurant.kitchen.ticket;

import java.util.UUID;

/**
 * Only a queued ticket can be started or cancelled.
 */
public class TicketNotQueued extends IllegalTicketTransition {

	TicketNotQueued(UUID ticketId, TicketStatus status, String action) {
		super(ticketId, status,
				"Ticket %s is %s, so it cannot be %s: only a QUEUED ticket can".formatted(ticketId, status, action));
	}

}
