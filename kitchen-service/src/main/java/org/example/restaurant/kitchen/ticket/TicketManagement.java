package org.example.restaurant.kitchen.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.example.restaurant.platform.instance.InstanceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything that changes a ticket: receiving and cancelling it (for the order-service),
 * starting and finishing it (for people at the kitchen display and for the automatic
 * cooks). Each change and the event that tells the order-service about it are written in
 * one transaction, so the outbox never misses or invents news.
 * <p>
 * All replicas share the database, so every method here is safe against the same change
 * made at the same moment by another thread or another process: the unique order id makes
 * receiving idempotent, the conditional updates of {@link TicketRepository} make a claim,
 * a takeover and a lease renewal exclusive, and the ticket's version makes a person's
 * change lose cleanly against a concurrent one.
 * <p>
 * An automatic cook holds its ticket under a lease ({@code kitchen.lease}) that it renews
 * while it cooks. A replica that dies stops renewing; once its leases pass, the other
 * replicas take its tickets over. A replica that stops normally hands its tickets back at
 * once. "Now" comes from the {@link Clock} bean, so tests can move time.
 */
@Service
public class TicketManagement {

	private static final Logger log = LoggerFactory.getLogger(TicketManagement.class);

	private static final int CLAIM_CANDIDATES = 10;

	private static final int CLAIM_ROUNDS = 20;

	private static final int CANCEL_ATTEMPTS = 3;

	private final TicketRepository tickets;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final InstanceId instanceId;

	private final Clock clock;

	TicketManagement(TicketRepository tickets, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, InstanceId instanceId, Clock clock) {
		this.tickets = tickets;
		this.events = events;
		this.transaction = new TransactionTemplate(transactionManager);
		this.instanceId = instanceId;
		this.clock = clock;
	}

	/**
	 * Queues a ticket for an order, or returns the one the order already has.
	 * <p>
	 * Idempotent, also when the same order arrives twice at once (the outbox of the
	 * order-service re-sends, and any replica may get either copy): the database's unique
	 * constraint on the order id lets one insert win; the loser finds the winner's ticket
	 * and returns it as existing.
	 */
	Received receive(NewTicketRequest request) {
		Optional<Ticket> existing = this.tickets.findByOrderId(request.orderId());
		if (existing.isPresent()) {
			if (existing.get().getStatus() == TicketStatus.CANCELLED) {
				log.info("Ticket for order {} arrived after the order was cancelled; not cooked", request.orderId());
			}
			return new Received(existing.get(), false);
		}
		List<TicketItem> items = request.items().stream().map(NewTicketRequest.Item::toTicketItem).toList();
		Ticket ticket = new Ticket(request.orderId(), request.table(), items, request.placedAt(), now());
		try {
			Ticket created = this.transaction.execute((status) -> this.tickets.saveAndFlush(ticket));
			log.info("Ticket {} received for order {} at table {} ({} items)", created.getId(), created.getOrderId(),
					created.getTable(), items.size());
			return new Received(created, true);
		}
		catch (DataIntegrityViolationException | ConcurrencyFailureException ex) {
			return this.tickets.findByOrderId(request.orderId())
				.map((winner) -> new Received(winner, false))
				.orElseThrow(() -> ex);
		}
	}

	/**
	 * Cancels the ticket of an order that the waiter wants to call off, if no cook
	 * started it yet. The order-service asks this before it cancels the order, and
	 * cancels it only on a 2xx, so the answer must be final:
	 * <ul>
	 * <li>a queued ticket is cancelled; a cancelled one is returned as it is (a
	 * repeat);</li>
	 * <li>a ticket a cook started (or finished) is refused with {@link TicketNotQueued}
	 * (409);</li>
	 * <li>an order whose ticket has not arrived yet (its message is still in the
	 * order-service's outbox) gets a cancelled ticket without items now, a tombstone: the
	 * ticket's message, when it arrives, finds it and {@link #receive} returns it as it
	 * is, so the order is never cooked.</li>
	 * </ul>
	 * Safe against a cook claiming the ticket at the same moment (the claim bumps the
	 * version, so the cancel fails and looks again: the cook won and the cancel is
	 * refused) and against the ticket's message arriving at the same moment as the
	 * tombstone (the unique order id lets one insert win, and the cancel looks again).
	 * @throws TicketNotQueued if a cook already started the ticket
	 */
	Ticket cancelForOrder(UUID orderId) {
		for (int attempt = 1;; attempt++) {
			AtomicBoolean cancelled = new AtomicBoolean();
			try {
				Ticket result = this.transaction.execute((status) -> {
					Optional<Ticket> found = this.tickets.findByOrderId(orderId);
					if (found.isEmpty()) {
						cancelled.set(true);
						return this.tickets.saveAndFlush(Ticket.cancelledBeforeArrival(orderId, now()));
					}
					Ticket ticket = found.get();
					if (ticket.getStatus() == TicketStatus.CANCELLED) {
						return ticket;
					}
					ticket.cancel();
					cancelled.set(true);
					return this.tickets.saveAndFlush(ticket);
				});
				if (cancelled.get()) {
					log.info("Ticket {} for order {} cancelled{}", result.getId(), orderId,
							result.getItems().isEmpty() ? " before it arrived: it will not be cooked" : "");
				}
				return result;
			}
			catch (DataIntegrityViolationException | ConcurrencyFailureException ex) {
				if (attempt == CANCEL_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/**
	 * A person starts cooking a queued ticket on this replica.
	 * @throws TicketNotFound for an unknown id
	 * @throws TicketNotQueued unless the ticket is queued
	 * @throws OptimisticLockingFailureException if the ticket changed at the same moment
	 */
	Ticket start(UUID ticketId) {
		Ticket started = this.transaction.execute((status) -> {
			Ticket ticket = this.tickets.findById(ticketId).orElseThrow(() -> TicketNotFound.withId(ticketId));
			ticket.start(this.instanceId.value(), now());
			publishStarted(ticket.getId(), ticket.getOrderId(), ticket.getPreparedBy(), ticket.getStartedAt());
			return this.tickets.saveAndFlush(ticket);
		});
		logStarted(started.getId(), started.getOrderId(), started.getPreparedBy());
		return started;
	}

	/**
	 * A person marks a ticket ready, whoever started it.
	 * @throws TicketNotFound for an unknown id
	 * @throws TicketNotPreparing unless the ticket is being prepared
	 * @throws OptimisticLockingFailureException if the ticket changed at the same moment
	 */
	Ticket markReady(UUID ticketId) {
		Ticket ready = this.transaction.execute((status) -> {
			Ticket ticket = this.tickets.findById(ticketId).orElseThrow(() -> TicketNotFound.withId(ticketId));
			ticket.markReady(now());
			publishReady(ticket.getId(), ticket.getOrderId(), ticket.getPreparedBy(), ticket.getReadyAt());
			return this.tickets.saveAndFlush(ticket);
		});
		logReady(ready.getId(), ready.getOrderId(), ready.getPreparedBy());
		return ready;
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
				Ticket ticket = this.tickets.findById(candidate.id()).orElseThrow();
				publishStarted(ticket.getId(), ticket.getOrderId(), cook, ticket.getStartedAt());
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
			publishReady(claimed.ticketId(), claimed.orderId(), claimed.cook(), at);
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

	private void publishStarted(UUID ticketId, UUID orderId, String cook, Instant at) {
		this.events.publishEvent(new TicketStarted(ticketId, orderId, cook, at));
	}

	private void publishReady(UUID ticketId, UUID orderId, String cook, Instant at) {
		this.events.publishEvent(new TicketReady(ticketId, orderId, cook, at));
	}

	// business log lines are written after commit, so they never report a rolled-back
	// change

	private static void logStarted(UUID ticketId, UUID orderId, String cook) {
		log.info("Ticket {} for order {} started by {}", ticketId, orderId, cook);
	}

	private static void logReady(UUID ticketId, UUID orderId, String cook) {
		log.info("Ticket {} for order {} ready, prepared by {}", ticketId, orderId, cook);
	}

	// the database keeps microseconds; truncating here makes what we return equal what a
	// later read returns, and lets a lease we set be compared for equality later
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	// a renewal finds its lease by equality, so it must be stored exactly as set
	private static Instant leaseFrom(Instant at, Duration lease) {
		return at.plus(lease).truncatedTo(ChronoUnit.MICROS);
	}

	private static String readable(Duration duration) {
		if (duration.toMillis() < 1000) {
			return duration.toMillis() + " ms";
		}
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	/**
	 * The outcome of receiving a ticket.
	 *
	 * @param ticket the order's ticket
	 * @param created whether this request created it
	 */
	record Received(Ticket ticket, boolean created) {
	}

}
