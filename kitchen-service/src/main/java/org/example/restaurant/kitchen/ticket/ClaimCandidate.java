package org.example.restaurant.kitchen.ticket;

import java.time.Instant;
import java.util.Comparator;
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
 * @param receivedAt when the kitchen received the ticket: the oldest is claimed first
 */
record ClaimCandidate(UUID id, TicketStatus status, String preparedBy, Instant leaseUntil, Instant receivedAt) {

	/**
	 * Oldest first, as the database orders {@code received_at, id}: H2 and PostgreSQL
	 * both compare UUIDs as unsigned numbers, most significant bits first, where
	 * {@link UUID#compareTo} compares them signed.
	 */
	static final Comparator<ClaimCandidate> OLDEST_FIRST = Comparator.comparing(ClaimCandidate::receivedAt)
		.thenComparing((candidate) -> candidate.id().getMostSignificantBits(), Long::compareUnsigned)
		.thenComparing((candidate) -> candidate.id().getLeastSignificantBits(), Long::compareUnsigned);

	boolean isTakeover() {
		return this.status == TicketStatus.PREPARING;
	}

}
