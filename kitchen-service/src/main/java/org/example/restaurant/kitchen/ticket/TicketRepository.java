package org.example.restaurant.kitchen.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The kitchen's tickets, in the database that all replicas share.
 * <p>
 * Leases: an automatic cook holds the ticket it prepares until {@code leaseUntil}. Every
 * change of who holds a ticket or of its lease is a conditional update whose
 * {@code where} clause the database checks, so the rules hold across processes, not only
 * across the threads of one replica:
 * <ul>
 * <li>{@link #claim} and {@link #takeOver} hand a ticket to a new holder, only if it is
 * still as the cook saw it (queued; or held by the same replica under the same, expired,
 * lease): of several cooks racing for one ticket exactly one wins;</li>
 * <li>{@link #renewLease} extends a lease only if the holder's own lease is still on the
 * ticket, so a cook learns that it lost the ticket;</li>
 * <li>{@link #finish} marks a ticket ready only for the replica that holds it, so a
 * replica that lost the ticket while it was paused cannot finish it a second time;</li>
 * <li>{@link #handBack} lets the leases of a stopping replica expire at once.</li>
 * </ul>
 * A ticket a person started has no lease: no update here takes it over or renews it.
 */
public interface TicketRepository extends JpaRepository<Ticket, UUID> {

	Optional<Ticket> findByOrderId(UUID orderId);

	List<Ticket> findAllByOrderByReceivedAtAscIdAsc();

	List<Ticket> findByStatusInOrderByReceivedAtAscIdAsc(Collection<TicketStatus> statuses);

	/**
	 * The tickets a cook may claim, oldest first: the queued ones, and the ones being
	 * prepared under a lease that passed before {@code now} (a {@code null} lease, a
	 * person's ticket, never compares as passed).
	 * <p>
	 * Two queries, each on its own index, merged here: one query with
	 * {@code status = QUEUED or (status = PREPARING and lease_until < now)} makes H2 scan
	 * the whole table, every ticket of the day, at every claim (2.4 ms with 20,000
	 * tickets, against 0.05 ms for the two; docs/performance.md).
	 */
	default List<ClaimCandidate> findClaimableOldestFirst(Instant now, Limit limit) {
		return Stream.concat(findQueuedOldestFirst(limit).stream(), findExpiredLeasesOldestFirst(now, limit).stream())
			.sorted(ClaimCandidate.OLDEST_FIRST)
			.limit(limit.max())
			.toList();
	}

	/** The queued tickets, oldest first (index {@code ix_ticket_status_received}). */
	@Query("""
			select new org.example.restaurant.kitchen.ticket.ClaimCandidate(t.id, t.status, t.preparedBy, t.leaseUntil, t.receivedAt)
			from Ticket t
			where t.status = org.example.restaurant.kitchen.ticket.TicketStatus.QUEUED
			order by t.receivedAt, t.id""")
	List<ClaimCandidate> findQueuedOldestFirst(Limit limit);

	/**
	 * The tickets being prepared under a lease that passed before {@code now}, oldest
	 * first (index {@code ix_ticket_status_lease}).
	 */
	@Query("""
			select new org.example.restaurant.kitchen.ticket.ClaimCandidate(t.id, t.status, t.preparedBy, t.leaseUntil, t.receivedAt)
			from Ticket t
			where t.status = org.example.restaurant.kitchen.ticket.TicketStatus.PREPARING and t.leaseUntil < :now
			order by t.receivedAt, t.id""")
	List<ClaimCandidate> findExpiredLeasesOldestFirst(Instant now, Limit limit);

	/**
	 * Claims a queued ticket for the replica {@code cook}, under a lease until
	 * {@code leaseUntil}. The {@code where} clause is the guard of {@link Ticket#start},
	 * checked by the database itself, so when several cooks (in this or in other
	 * processes) race for the same ticket, exactly one update counts a row and every
	 * other one counts none. The version is bumped so that a person editing the same
	 * ticket through the API at that moment loses with an optimistic-locking failure
	 * instead of overwriting the claim.
	 * @return 1 if this cook won the ticket, 0 if it was no longer queued
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Ticket t
			set t.status = org.example.restaurant.kitchen.ticket.TicketStatus.PREPARING,
				t.preparedBy = :cook, t.startedAt = :at, t.leaseUntil = :leaseUntil, t.version = t.version + 1
			where t.id = :id and t.status = org.example.restaurant.kitchen.ticket.TicketStatus.QUEUED""")
	int claim(UUID id, String cook, Instant at, Instant leaseUntil);

	/**
	 * Takes over a ticket whose holder's lease has passed, for the replica {@code cook},
	 * under a fresh lease until {@code leaseUntil}; {@code startedAt} stays as it was.
	 * The {@code where} clause repeats what the cook saw: still being prepared, by
	 * {@code previous}, under the lease {@code previousLease}, which has passed at
	 * {@code at}. A renewal, another takeover or a hand-back in the meantime changes the
	 * lease, a person marking the ticket ready changes the status, so exactly one of
	 * several racing cooks wins. The version is bumped as for {@link #claim}.
	 * @return 1 if this cook took the ticket over, 0 if it changed in the meantime
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Ticket t
			set t.preparedBy = :cook, t.leaseUntil = :leaseUntil, t.version = t.version + 1
			where t.id = :id and t.status = org.example.restaurant.kitchen.ticket.TicketStatus.PREPARING
				and t.preparedBy = :previous and t.leaseUntil = :previousLease and t.leaseUntil < :at""")
	int takeOver(UUID id, String cook, String previous, Instant previousLease, Instant at, Instant leaseUntil);

	/**
	 * Extends the lease of the replica {@code cook} on a ticket to {@code leaseUntil}, if
	 * it still holds the ticket under the lease it last set, {@code heldUntil}. Comparing
	 * the lease and not only the replica matters because the cooks of one replica share
	 * its instance id: a cook whose ticket another cook of the same replica took over
	 * learns it here too. The version is not bumped: a renewal changes nothing a person's
	 * change relies on, and must not make a person's "ready" fail.
	 * @return 1 if the lease was extended, 0 if the ticket was taken over, handed back,
	 * or is no longer being prepared
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Ticket t
			set t.leaseUntil = :leaseUntil
			where t.id = :id and t.status = org.example.restaurant.kitchen.ticket.TicketStatus.PREPARING
				and t.preparedBy = :cook and t.leaseUntil = :heldUntil""")
	int renewLease(UUID id, String cook, Instant heldUntil, Instant leaseUntil);

	/**
	 * Marks a ticket ready on behalf of the cook that claimed it: only if it is still
	 * being prepared by {@code cook} under the lease that cook set last (a person may
	 * have finished it through the API in the meantime, or, after the lease passed,
	 * another replica, or another cook of the same replica, may have taken it over). The
	 * lease is dropped: a ready ticket needs no holder.
	 * @return 1 if the ticket is now ready because of this call, 0 otherwise
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Ticket t
			set t.status = org.example.restaurant.kitchen.ticket.TicketStatus.READY,
				t.readyAt = :at, t.leaseUntil = null, t.version = t.version + 1
			where t.id = :id and t.preparedBy = :cook and t.leaseUntil = :heldUntil
				and t.status = org.example.restaurant.kitchen.ticket.TicketStatus.PREPARING""")
	int finish(UUID id, String cook, Instant heldUntil, Instant at);

	/**
	 * Lets every live lease of the replica {@code cook} end at {@code at}, so that other
	 * replicas take its unfinished tickets over at once instead of after a whole lease.
	 * Tickets a person started (no lease) stay; leases that already passed are left as
	 * they are (they are claimable already). Not versioned, like {@link #renewLease}.
	 * @return the number of tickets handed back
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Ticket t
			set t.leaseUntil = :at
			where t.preparedBy = :cook and t.status = org.example.restaurant.kitchen.ticket.TicketStatus.PREPARING
				and t.leaseUntil > :at""")
	int handBack(String cook, Instant at);

	/**
	 * What each replica has prepared, is preparing and has left to be taken over, as at
	 * {@code now}, for the cluster view.
	 */
	@Query("""
			select new org.example.restaurant.kitchen.ticket.PreparerCount(t.preparedBy,
				sum(case when t.status = org.example.restaurant.kitchen.ticket.TicketStatus.READY then 1L else 0L end),
				sum(case when t.status = org.example.restaurant.kitchen.ticket.TicketStatus.PREPARING
					and (t.leaseUntil is null or t.leaseUntil >= :now) then 1L else 0L end),
				sum(case when t.status = org.example.restaurant.kitchen.ticket.TicketStatus.PREPARING
					and t.leaseUntil < :now then 1L else 0L end))
			from Ticket t
			where t.preparedBy is not null
				and t.status in (org.example.restaurant.kitchen.ticket.TicketStatus.PREPARING,
					org.example.restaurant.kitchen.ticket.TicketStatus.READY)
			group by t.preparedBy""")
	List<PreparerCount> countByPreparer(Instant now);

}
