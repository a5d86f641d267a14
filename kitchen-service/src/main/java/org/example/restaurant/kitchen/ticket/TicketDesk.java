package org.example.restaurant.kitchen.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.example.restaurant.platform.polling.ListVersions;
import org.example.restaurant.platform.instance.InstanceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ticket desk: what the kitchen's API does to tickets. The order-service hands in a
 * ticket and calls it off ({@link InternalTicketController}); a person at the kitchen
 * display starts and finishes one by hand ({@link TicketController}). The automatic cooks
 * do not come here: they hold their tickets under leases, see {@link TicketLeases}.
 * <p>
 * Each change and the event that tells the order-service about it are written in one
 * transaction (the ticket registers the event, the repository's save publishes it to the
 * outbox), so the outbox never misses or invents news. All replicas share the database,
 * so every method is safe against the same change made at the same moment by another
 * thread or another process: the unique order id makes receiving idempotent, and the
 * ticket's version makes a person's change lose cleanly against a concurrent one (a
 * cook's claim bumps it too). Every change moves the version of the tickets list
 * ({@link ListVersions}) in its transaction. "Now" comes from the {@link Clock} bean.
 *
 * @param tickets the tickets
 * @param transaction the transaction each change is written in
 * @param instanceId this replica, the preparer of a ticket a person starts here
 * @param clock "now"
 * @param versions the version of the tickets list, moved by every change
 */
@Service
record TicketDesk(TicketRepository tickets, TransactionTemplate transaction, InstanceId instanceId, Clock clock,
		ListVersions versions) {

	private static final Logger log = LoggerFactory.getLogger(TicketDesk.class);

	/** The tickets' name among the polled lists ({@code restaurant.polling.lists}). */
	static final String POLLED_LIST = "tickets";

	private static final int CANCEL_ATTEMPTS = 3;

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
			Ticket created = this.transaction.execute((status) -> {
				this.versions.changed(POLLED_LIST);
				return this.tickets.saveAndFlush(ticket);
			});
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
						this.versions.changed(POLLED_LIST);
						return this.tickets.saveAndFlush(Ticket.cancelledBeforeArrival(orderId, now()));
					}
					Ticket ticket = found.get();
					if (ticket.getStatus() == TicketStatus.CANCELLED) {
						return ticket;
					}
					ticket.cancel();
					cancelled.set(true);
					this.versions.changed(POLLED_LIST);
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
	 * A person starts cooking a queued ticket on this replica. The ticket gets no lease:
	 * it stays with that person, no replica takes it over.
	 * @throws TicketNotFound for an unknown id
	 * @throws TicketNotQueued unless the ticket is queued
	 * @throws OptimisticLockingFailureException if the ticket changed at the same moment
	 */
	Ticket start(UUID ticketId) {
		Ticket started = this.transaction.execute((status) -> {
			Ticket ticket = this.tickets.findById(ticketId).orElseThrow(() -> TicketNotFound.withId(ticketId));
			ticket.start(this.instanceId.value(), now());
			this.versions.changed(POLLED_LIST);
			return this.tickets.saveAndFlush(ticket);
		});
		// written after commit, so it never reports a rolled-back change
		log.info("Ticket {} for order {} started by {}", started.getId(), started.getOrderId(),
				started.getPreparedBy());
		return started;
	}

	/**
	 * A person marks a ticket ready, whoever started it (also one an automatic cook
	 * holds: that cook learns it at its next renewal and lets the ticket go).
	 * @throws TicketNotFound for an unknown id
	 * @throws TicketNotPreparing unless the ticket is being prepared
	 * @throws OptimisticLockingFailureException if the ticket changed at the same moment
	 */
	Ticket markReady(UUID ticketId) {
		Ticket ready = this.transaction.execute((status) -> {
			Ticket ticket = this.tickets.findById(ticketId).orElseThrow(() -> TicketNotFound.withId(ticketId));
			ticket.markReady(now());
			this.versions.changed(POLLED_LIST);
			return this.tickets.saveAndFlush(ticket);
		});
		log.info("Ticket {} for order {} ready, prepared by {}", ready.getId(), ready.getOrderId(),
				ready.getPreparedBy());
		return ready;
	}

	private Instant now() {
		return TicketTimes.now(this.clock);
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
