package org.example.restaurant.kitchen.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A cook (automatic or a person) started preparing a ticket. Published in the transaction
 * that made the change, so it lands in the outbox with it.
 *
 * @param ticketId the ticket
 * @param orderId the order it belongs to
 * @param preparedBy the instance id of the replica cooking it
 * @param at when cooking started (a takeover keeps the first start)
 * @param receivedAt when the ticket arrived in the kitchen, so {@code receivedAt -> at}
 * is how long it waited for a cook
 * @param takenOverFrom the replica whose lease had passed when this one took the ticket
 * over; {@code null} when cooking starts for the first time
 */
public record TicketStarted(UUID ticketId, UUID orderId, String preparedBy, Instant at, Instant receivedAt,
		String takenOverFrom) {

}
