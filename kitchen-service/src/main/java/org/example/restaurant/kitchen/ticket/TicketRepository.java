package org.example.restaurant.kitchen.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The kitchen's tickets, in the database that all replicas share.
 */
public interface TicketRepository extends JpaRepository<Ticket, UUID> {

	Optional<Ticket> findByOrderId(UUID orderId);

	List<Ticket> findAllByOrderByReceivedAtAscIdAsc();

	List<Ticket> findByStatusOrderByReceivedAtAscIdAsc(TicketStatus status);

	/**
	 * The ids of the queued tickets, oldest first: the candidates a cook tries to claim.
	 */
	@Query("""
			select t.id from Ticket t
			where t.status = org.example.restaurant.kitchen.ticket.TicketStatus.QUEUED
			order by t.receivedAt, t.id""")
	List<UUID> findQueuedIdsOldestFirst(Limit limit);

	/**
	 * Claims a queued ticket for the replica {@code cook}. The {@code where} clause is
	 * the guard of {@link Ticket#start}, checked by the database itself, so when several
	 * cooks (in this or in other processes) race for the same ticket, exactly one update
	 * counts a row and every other one counts none. The version is bumped so that a
	 * person editing the same ticket through the API at that moment loses with an
	 * optimistic-locking failure instead of overwriting the claim.
	 * @return 1 if this cook won the ticket, 0 if it was no longer queued
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Ticket t
			set t.status = org.example.restaurant.kitchen.ticket.TicketStatus.PREPARING,
				t.preparedBy = :cook, t.startedAt = :at, t.version = t.version + 1
			where t.id = :id and t.status = org.example.restaurant.kitchen.ticket.TicketStatus.QUEUED""")
	int claim(UUID id, String cook, Instant at);

	/**
	 * Marks a ticket ready on behalf of the cook that claimed it: only if it is still
	 * being prepared by {@code cook} (a person may have finished it through the API in
	 * the meantime).
	 * @return 1 if the ticket is now ready because of this call, 0 otherwise
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update Ticket t
			set t.status = org.example.restaurant.kitchen.ticket.TicketStatus.READY,
				t.readyAt = :at, t.version = t.version + 1
			where t.id = :id and t.preparedBy = :cook
				and t.status = org.example.restaurant.kitchen.ticket.TicketStatus.PREPARING""")
	int finish(UUID id, String cook, Instant at);

	/**
	 * How many tickets each replica has prepared and has in progress, for the cluster
	 * view.
	 */
	@Query("""
			select new org.example.restaurant.kitchen.ticket.PreparerCount(t.preparedBy, t.status, count(t))
			from Ticket t
			where t.preparedBy is not null
				and t.status in (org.example.restaurant.kitchen.ticket.TicketStatus.PREPARING,
					org.example.restaurant.kitchen.ticket.TicketStatus.READY)
			group by t.preparedBy, t.status""")
	List<PreparerCount> countByPreparer();

}
