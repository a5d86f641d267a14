package org.example.restaurant.kitchen.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket that an automatic cook won: what the cook needs to prepare it and to mark it
 * ready afterwards.
 *
 * @param ticketId the ticket
 * @param orderId the order it belongs to
 * @param cook the instance id of the replica that claimed it
 * @param startedAt when the claim was made
 * @param longestPrepSeconds the prep time of the slowest item, at full speed
 */
public record ClaimedTicket(UUID ticketId, UUID orderId, String cook, Instant startedAt, int longestPrepSeconds) {
}
