package org.example.restaurant.kitchen.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.example.restaurant.platform.observability.OrderIdBaggage;
import org.example.restaurant.platform.polling.ListVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cooks' lease protocol: how the automatic cooks of all replicas share the queue. A
 * cook claims the oldest ticket that needs one, holds it under a lease
 * ({@code kitchen.lease}) that it renews while it cooks, and finishes it; a replica that
 * stops normally hands its tickets back at once; a replica that dies stops renewing, and
 * once its leases pass, the other replicas take its tickets over. People at the kitchen
 * display go through the {@link TicketDesk} instead.
 * <p>
 * All replicas share the database, so every change of who holds a ticket is one of the
 * conditional updates of {@link TicketRepository}, which the database checks across
 * processes: of several cooks racing for one ticket exactly one wins, and a cook that
 * lost its ticket cannot renew or finish it.
 * <p>
 * The news for the order-service (a claim or takeover starts cooking, a finish makes the
 * ticket ready) is registered by the {@link Ticket} and published by the repository's
 * save, like every other change of a ticket. Because the change itself is a conditional
 * update rather than a save of the aggregate, the winner, and only the winner, reads the
 * ticket back right after its update counted the row, in the same transaction, lets it
 * register the news ({@link Ticket#claimedBy}, {@link Ticket#takenOverBy},
 * {@link Ticket#finishedBy}) and saves it: the save changes nothing more (no second
 * update, no version bump) and publishes the event. A cook whose update counted no row
 * never loads the ticket and publishes nothing; a transaction that rolls back takes the
 * event with it. A won claim, takeover or finish moves the version of the tickets list
 * ({@link ListVersions}) in its transaction; a renewal or a hand-back changes only the
 * lease, which no list shows, and moves nothing. "Now" comes from the {@link Clock} bean,
 * so tests can move time.
 */
@Service
public class TicketLeases {

	private static final Logger log = LoggerFactory.getLogger(TicketLeases.class);

	private static final int CLAIM_CANDIDATES = 10;

	private static final int CLAIM_ROUNDS = 20;

	private final TicketRepository tickets;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ListVersions versions;

	private final ObjectProvider<OrderIdBaggage> orderIds;

	TicketLeases(TicketRepository tickets, PlatformTransactionManager transactionManager, Clock clock,
			ListVersions versions, ObjectProvider<OrderIdBaggage> orderIds) {
		this.tickets = tickets;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.versions = versions;
		this.orderIds = orderIds;
	}

	/**
	 * Claims the oldest ticket that needs a cook for the replica {@code cook}, under a
	 * lease of {@code lease}, so that exactly one cook of all replicas gets it. The
	 * oldest (by arrival) of the queued tickets and of the tickets whose holder's lease
	 * has passed wins: a ticket left behind by a dead replica is not served after newer
	 * ones.
	 * <p>
	 * A claim is a conditional update, one ticket per short transaction: the cook reads
	 * the oldest claimable tickets, then tries them in order with an update that repeats
	 * what it read ({@link TicketRepository#claim} for a queued ticket,
	 * {@link TicketRepository#takeOver} for an expired lease); an update that counts no
	 * row, or that loses a row lock, means another cook won that ticket, and the next
	 * candidate is tried, then a fresh list of candidates. The news that cooking started
	 * is published in the claim's transaction, also on a takeover (the order-service's
	 * receiver is idempotent), so the order shows the replica now cooking. This is the
	 * one place where tickets are claimed.
	 * <p>
	 * A ticket taken over is cooked again from the start: a cook cannot resume a dead
	 * colleague's half-cooked pan. It keeps its {@code startedAt}.
	 * <p>
	 * The ticket's order becomes the {@code orderId} baggage of the current span (the
	 * cook's, {@link OrderIdBaggage}) as soon as the claim is won, so the news published
	 * in the claim's transaction and every log line from here on name it.
	 * @return the ticket won, or empty when nothing is claimable (or, in a very busy
	 * kitchen, when other cooks won every ticket this one tried)
	 */
	public Optional<ClaimedTicket> claimNext(String cook, Duration lease) {
		for (int round = 0; round < CLAIM_ROUNDS; round++) {
			List<ClaimCandidate> candidates = this.tickets.findClaimableOldestFirst(now(), Limit.of(CLAIM_CANDIDATES));
			if (candidates.isEmpty()) {
				return Optional.empty();
			}
			for (ClaimCandidate candidate : candidates) {
				Optional<ClaimedTicket> won = tryClaim(candidate, cook, lease);
				if (won.isPresent()) {
					ClaimedTicket claimed = won.get();
					if (candidate.isTakeover()) {
						log.info("Ticket {} of order {} taken over by {} from {} (lease expired {} ago)",
								claimed.ticketId(), claimed.orderId(), cook, candidate.preparedBy(),
								readable(Duration.between(candidate.leaseUntil(), now())));
					}
					else {
						logStarted(claimed.ticketId(), claimed.orderId(), cook);
					}
					return won;
				}
			}
		}
		// every candidate went to other cooks, round after round: let this one rest
		return Optional.empty();
	}

	private Optional<ClaimedTicket> tryClaim(ClaimCandidate candidate, String cook, Duration lease) {
		try {
			return this.transaction.execute((status) -> {
				Instant at = now();
				Instant leaseUntil = leaseFrom(at, lease);
				int won = candidate.isTakeover() ? this.tickets.takeOver(candidate.id(), cook, candidate.preparedBy(),
						candidate.leaseUntil(), at, leaseUntil)
						: this.tickets.claim(candidate.id(), cook, at, leaseUntil);
				if (won != 1) {
					return Optional.empty();
				}
				this.versions.changed(TicketDesk.POLLED_LIST);
				Ticket ticket = this.tickets.findById(candidate.id()).orElseThrow();
				this.orderIds.ifAvailable((orderIds) -> orderIds.tag(ticket.getOrderId()));
				if (candidate.isTakeover()) {
					ticket.takenOverBy(cook, candidate.preparedBy());
				}
				else {
					ticket.claimedBy(cook);
				}
				this.tickets.save(ticket);
				return Optional.of(new ClaimedTicket(ticket.getId(), ticket.getOrderId(), cook, ticket.getStartedAt(),
						ticket.longestPrepSeconds(), leaseUntil));
			});
		}
		catch (ConcurrencyFailureException ex) {
			// another cook holds the row right now and is about to win it
			return Optional.empty();
		}
	}

	/**
	 * Extends the cook's lease on a ticket it is preparing to {@code lease} from now. The
	 * automatic cooks call this every third of the lease while they cook.
	 * <p>
	 * Fails, changing nothing, when the ticket is no longer held under the lease this
	 * cook set last ({@link TicketRepository#renewLease}): another replica took it over
	 * after the lease passed (this replica was paused, or cut off from the database, for
	 * longer than a lease), this replica handed it back, or a person marked it ready. The
	 * cook must then stop cooking it.
	 * @return the ticket with its new lease, or empty when the cook lost the ticket
	 */
	public Optional<ClaimedTicket> renewLease(ClaimedTicket claimed, Duration lease) {
		Optional<ClaimedTicket> renewed = this.transaction.execute((status) -> {
			Instant leaseUntil = leaseFrom(now(), lease);
			if (this.tickets.renewLease(claimed.ticketId(), claimed.cook(), claimed.leaseUntil(), leaseUntil) != 1) {
				return Optional.empty();
			}
			return Optional.of(claimed.withLeaseUntil(leaseUntil));
		});
		if (renewed.isEmpty()) {
			String now = this.tickets.findById(claimed.ticketId())
				.map((ticket) -> ticket.getStatus() + " by " + ticket.getPreparedBy()
						+ ((ticket.getLeaseUntil() != null) ? " until " + ticket.getLeaseUntil() : ""))
				.orElse("gone");
			log.info("Ticket {} of order {} is no longer held by {} (now {}); stopped cooking it", claimed.ticketId(),
					claimed.orderId(), claimed.cook(), now);
		}
		return renewed;
	}

	/**
	 * Marks a claimed ticket ready, if it is still being prepared by the replica that
	 * claimed it. A person may have marked it ready through the API in the meantime, or,
	 * if this replica's lease passed while it was paused, another replica may have taken
	 * the ticket over; then nothing changes and nothing is published again, so no ticket
	 * is completed twice.
	 * @return whether this call made the ticket ready
	 */
	public boolean finish(ClaimedTicket claimed) {
		Boolean finished = this.transaction.execute((status) -> {
			Instant at = now();
			if (this.tickets.finish(claimed.ticketId(), claimed.cook(), claimed.leaseUntil(), at) != 1) {
				return false;
			}
			this.versions.changed(TicketDesk.POLLED_LIST);
			Ticket ticket = this.tickets.findById(claimed.ticketId()).orElseThrow();
			ticket.finishedBy(claimed.cook());
			this.tickets.save(ticket);
			return true;
		});
		if (!Boolean.TRUE.equals(finished)) {
			log.info("Ticket {} for order {} was no longer being prepared by {}; left as it is", claimed.ticketId(),
					claimed.orderId(), claimed.cook());
			return false;
		}
		logReady(claimed.ticketId(), claimed.orderId(), claimed.cook());
		return true;
	}

	/**
	 * Hands back the unfinished tickets that the automatic cooks of replica {@code cook}
	 * hold, when it stops: their leases end now ({@link TicketRepository#handBack}), so
	 * other replicas take them over at their next claim instead of a whole lease later.
	 * Tickets a person started there stay as they are.
	 * @return the number of tickets handed back
	 */
	public int handBack(String cook) {
		Integer handedBack = this.transaction.execute((status) -> this.tickets.handBack(cook, now()));
		int count = (handedBack != null) ? handedBack : 0;
		log.info("{} stopping: unfinished tickets handed back for other replicas to take over: {}", cook, count);
		return count;
	}

	// business log lines are written after commit, so they never report a rolled-back
	// change

	private static void logStarted(UUID ticketId, UUID orderId, String cook) {
		log.info("Ticket {} for order {} started by {}", ticketId, orderId, cook);
	}

	private static void logReady(UUID ticketId, UUID orderId, String cook) {
		log.info("Ticket {} for order {} ready, prepared by {}", ticketId, orderId, cook);
	}

	private Instant now() {
		return TicketTimes.now(this.clock);
	}

	private static Instant leaseFrom(Instant at, Duration lease) {
		return TicketTimes.leaseFrom(at, lease);
	}

	private static String readable(Duration duration) {
		if (duration.toMillis() < 1000) {
			return duration.toMillis() + " ms";
		}
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

}
