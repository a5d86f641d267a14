package org.example.restaurant.kitchen.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket a cook may try to claim, as it was when the cook looked: queued, or being
 * prepared under a lease that has passed. The claim repeats exactly this as its
 * condition, so it fails if anything changed in between.
 *
 * @param id the ticket
 * @param status {@code QUEUED} or {@code PREPARING}
 * @param preparedBy the replica whose lease passed ({@code null} when queued)
 * @param leaseUntil when that lease passed ({@code null} when queued)
 */
record ClaimCandidate(UUID id, TicketStatus status, String preparedBy, Instant leaseUntil) {

	boolean isTakeover() {
		return this.status == TicketStatus.PREPARING;
	}

}
