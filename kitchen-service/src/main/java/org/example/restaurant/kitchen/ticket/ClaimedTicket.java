package org.example.restaurant.kitchen.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket that an automatic cook won (claimed from the queue, or took over after another
 * replica's lease passed): what the cook needs to prepare it, to renew its lease and to
 * mark it ready afterwards.
 *
 * @param ticketId the ticket
 * @param orderId the order it belongs to
 * @param cook the instance id of the replica that holds it
 * @param startedAt when cooking the ticket first started (a takeover keeps it)
 * @param longestPrepSeconds the prep time of the slowest item, at full speed
 * @param leaseUntil until when the cook holds the ticket: the lease it set last, which
 * its next renewal expects to find on the ticket
 */
public record ClaimedTicket(UUID ticketId, UUID orderId, String cook, Instant startedAt, int longestPrepSeconds,
		Instant leaseUntil) {

	ClaimedTicket withLeaseUntil(Instant renewedUntil) {
		return new ClaimedTicket(this.ticketId, this.orderId, this.cook, this.startedAt, this.longestPrepSeconds,
				renewedUntil);
	}

}
