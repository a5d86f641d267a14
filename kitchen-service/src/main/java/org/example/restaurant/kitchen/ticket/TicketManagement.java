package org.example.restaurant.kitchen.ticket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.example.restaurant.kitchen.support.InstanceId;
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
 * receiving idempotent, the conditional updates of {@link TicketRepository} make a claim
 * exclusive, and the ticket's version makes a person's change lose cleanly against a
 * concurrent one.
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

	TicketManagement(TicketRepository tickets, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, InstanceId instanceId) {
		this.tickets = tickets;
		this.events = events;
		this.transaction = new TransactionTemplate(transactionManager);
		this.instanceId = instanceId;
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
	 * Cancels the ticket of a cancelled order if nobody started it yet; otherwise leaves
	 * it as it is. Idempotent: cancelling a cancelled ticket changes nothing. If a cook
	 * claims the ticket at the same moment, the claim wins and the ticket is returned as
	 * the cook left it.
	 * @throws TicketNotFound while the order has no ticket (the sender retries)
	 */
	Ticket cancelForOrder(UUID orderId) {
		for (int attempt = 1;; attempt++) {
			AtomicBoolean cancelled = new AtomicBoolean();
			try {
				Ticket result = this.transaction.execute((status) -> {
					Ticket ticket = this.tickets.findByOrderId(orderId)
						.orElseThrow(() -> TicketNotFound.forOrder(orderId));
					if (ticket.isQueued()) {
						ticket.cancel();
						cancelled.set(true);
						return this.tickets.saveAndFlush(ticket);
					}
					return ticket;
				});
				if (cancelled.get()) {
					log.info("Ticket {} for order {} cancelled", result.getId(), orderId);
				}
				return result;
			}
			catch (OptimisticLockingFailureException ex) {
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
	 * Claims the oldest queued ticket for the replica {@code cook}, so that exactly one
	 * cook of all replicas gets it.
	 * <p>
	 * A claim is a conditional update ({@link TicketRepository#claim}), one ticket per
	 * short transaction: the cook reads the oldest queued ids, then tries them in order;
	 * an update that counts no row, or that loses a row lock, means another cook won that
	 * ticket, and the next candidate is tried, then a fresh list of candidates. The news
	 * that cooking started is published in the claim's transaction. This is the one place
	 * where tickets are claimed.
	 * @return the ticket won, or empty when nothing is queued (or, in a very busy
	 * kitchen, when other cooks won every ticket this one tried)
	 */
	public Optional<ClaimedTicket> claimNext(String cook) {
		for (int round = 0; round < CLAIM_ROUNDS; round++) {
			List<UUID> candidates = this.tickets.findQueuedIdsOldestFirst(Limit.of(CLAIM_CANDIDATES));
			if (candidates.isEmpty()) {
				return Optional.empty();
			}
			for (UUID candidate : candidates) {
				Optional<ClaimedTicket> won = tryClaim(candidate, cook);
				if (won.isPresent()) {
					logStarted(won.get().ticketId(), won.get().orderId(), cook);
					return won;
				}
			}
		}
		// every candidate went to other cooks, round after round: let this one rest
		return Optional.empty();
	}

	private Optional<ClaimedTicket> tryClaim(UUID ticketId, String cook) {
		try {
			return this.transaction.execute((status) -> {
				Instant at = now();
				if (this.tickets.claim(ticketId, cook, at) != 1) {
					return Optional.empty();
				}
				Ticket ticket = this.tickets.findById(ticketId).orElseThrow();
				publishStarted(ticketId, ticket.getOrderId(), cook, at);
				return Optional
					.of(new ClaimedTicket(ticketId, ticket.getOrderId(), cook, at, ticket.longestPrepSeconds()));
			});
		}
		catch (ConcurrencyFailureException ex) {
			// another cook holds the row right now and is about to win it
			return Optional.empty();
		}
	}

	/**
	 * Marks a claimed ticket ready, if it is still being prepared by the cook that
	 * claimed it. A person may have marked it ready through the API in the meantime; then
	 * nothing changes and nothing is published again.
	 * @return whether this call made the ticket ready
	 */
	public boolean finish(ClaimedTicket claimed) {
		Boolean finished = this.transaction.execute((status) -> {
			Instant at = now();
			if (this.tickets.finish(claimed.ticketId(), claimed.cook(), at) != 1) {
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
	// later read returns
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
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
