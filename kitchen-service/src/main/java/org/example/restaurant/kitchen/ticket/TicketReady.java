package org.example.restaurant.kitchen.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket is cooked. Published in the transaction that made the change, so it lands in
 * the outbox with it.
 *
 * @param ticketId the ticket
 * @param orderId the order it belongs to
 * @param preparedBy the instance id of the replica that cooked it
 * @param at when it became ready
 * @param startedAt when cooking it first started, so {@code startedAt -> at} is how long
 * it took to cook
 */
public record TicketReady(UUID ticketId, UUID orderId, String preparedBy, Instant at, Instant startedAt) {
}
