package org.example.restaurant.kitchen.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * What the kitchen must cook for one order: {@code QUEUED -> PREPARING -> READY}, or
 * {@code CANCELLED} while nobody has started it. Every transition method refuses an
 * illegal move with an {@link IllegalTicketTransition} and changes nothing.
 * <p>
 * The kitchen replicas share one database, so two of them may change the same ticket at
 * once: the {@link Version} column makes the loser of such a race fail instead of
 * overwriting the winner. The automatic cooks claim tickets with a conditional update
 * instead of {@link #start}, see {@link TicketRepository#claim}; that update bumps the
 * version too.
 * <p>
 * A ticket an automatic cook prepares carries a lease ({@code leaseUntil}) that the cook
 * renews while it cooks; when it passes, another replica may take the ticket over (see
 * {@link TicketLeases#claimNext}). A ticket a person started has no lease and stays with
 * that person.
 * <p>
 * Starting and finishing register the news for the order-service ({@link TicketStarted},
 * {@link TicketReady}); Spring Data publishes them when the ticket is saved, in the same
 * transaction, so the outbox (the event publication registry) records them atomically
 * with the change, and a change that rolls back tells nobody. The automatic cooks' claim,
 * takeover and finish are conditional updates that only the database can decide; the cook
 * that won such an update reads the ticket back in the same transaction, the ticket
 * registers the news ({@link #claimedBy}, {@link #takenOverBy}, {@link #finishedBy}) and
 * the save publishes it, so the news is published by the winner only, and exactly once.
 */
@Entity
@Table(name = "ticket")
public class Ticket extends AbstractAggregateRoot<Ticket> {

	@Id
	private UUID id;

	@Column(name = "order_id", nullable = false, unique = true, updatable = false)
	private UUID orderId;

	// "table" is a reserved word in SQL
	@Column(name = "table_code", nullable = false, updatable = false)
	private String table;

	@Enumerated(EnumType.STRING)
	@Column(name = "status", nullable = false)
	private TicketStatus status;

	// a ticket is always shown with its items; batch loading keeps lists to a few queries
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "ticket_item", joinColumns = @JoinColumn(name = "ticket_id"))
	@OrderColumn(name = "line_no")
	@BatchSize(size = 100)
	private List<TicketItem> items = new ArrayList<>();

	@Column(name = "prepared_by")
	private String preparedBy;

	@Column(name = "placed_at", updatable = false)
	private Instant placedAt;

	@Column(name = "received_at", nullable = false, updatable = false)
	private Instant receivedAt;

	@Column(name = "started_at")
	private Instant startedAt;

	@Column(name = "ready_at")
	private Instant readyAt;

	// only ever written by the conditional updates of TicketRepository, see there
	@Column(name = "lease_until")
	private Instant leaseUntil;

	@Version
	@Column(name = "version", nullable = false)
	private Long version;

	protected Ticket() {
	}

	Ticket(UUID orderId, String table, List<TicketItem> items, Instant placedAt, Instant receivedAt) {
		this.id = UUID.randomUUID();
		this.orderId = orderId;
		this.table = table;
		this.items = new ArrayList<>(items);
		this.placedAt = placedAt;
		this.receivedAt = receivedAt;
		this.status = TicketStatus.QUEUED;
	}

	/**
	 * The ticket of an order cancelled before its ticket arrived: cancelled from the
	 * start, without table or items (the order-service sends those with the ticket), so
	 * that the ticket, when it arrives, finds the order cancelled and is never cooked.
	 */
	static Ticket cancelledBeforeArrival(UUID orderId, Instant at) {
		Ticket ticket = new Ticket(orderId, "", List.of(), null, at);
		ticket.status = TicketStatus.CANCELLED;
		return ticket;
	}

	/**
	 * A person starts cooking this ticket on the replica {@code preparedBy}; registers
	 * {@link TicketStarted}.
	 * @throws TicketNotQueued unless the ticket is queued
	 */
	void start(String preparedBy, Instant at) {
		if (this.status != TicketStatus.QUEUED) {
			throw new TicketNotQueued(this.id, this.status, "started");
		}
		this.status = TicketStatus.PREPARING;
		this.preparedBy = preparedBy;
		this.startedAt = at;
		registerEvent(new TicketStarted(this.id, this.orderId, preparedBy, at, this.receivedAt, null));
	}

	/**
	 * The automatic cook of replica {@code cook} claimed this queued ticket
	 * ({@link TicketRepository#claim}): registers {@link TicketStarted} for that replica.
	 * The change itself was the conditional update, which only the database can decide
	 * among racing replicas; call this on the ticket as read back after that update
	 * counted its row, in the same transaction, and save it.
	 * @throws IllegalStateException unless the ticket is being prepared by {@code cook}
	 * under a lease, as the won update left it
	 */
	void claimedBy(String cook) {
		checkHeldBy(cook);
		registerEvent(new TicketStarted(this.id, this.orderId, cook, this.startedAt, this.receivedAt, null));
	}

	/**
	 * The automatic cook of replica {@code cook} took this ticket over from the replica
	 * {@code from}, whose lease had passed ({@link TicketRepository#takeOver}): registers
	 * {@link TicketStarted} for the new cook, with the ticket's first {@code startedAt}
	 * (a takeover keeps it) and the replica it was taken from. Called as
	 * {@link #claimedBy} is.
	 * @throws IllegalStateException unless the ticket is being prepared by {@code cook}
	 * under a lease, as the won update left it
	 */
	void takenOverBy(String cook, String from) {
		checkHeldBy(cook);
		registerEvent(new TicketStarted(this.id, this.orderId, cook, this.startedAt, this.receivedAt, from));
	}

	private void checkHeldBy(String cook) {
		if (this.status != TicketStatus.PREPARING || !cook.equals(this.preparedBy) || this.leaseUntil == null) {
			throw new IllegalStateException("Ticket %s is %s by %s (lease %s), not claimed by %s".formatted(this.id,
					this.status, this.preparedBy, this.leaseUntil, cook));
		}
	}

	/**
	 * The ticket is cooked. It keeps the replica that started it as {@code preparedBy}.
	 * Registers {@link TicketReady}.
	 * @throws TicketNotPreparing unless the ticket is being prepared
	 */
	void markReady(Instant at) {
		if (this.status != TicketStatus.PREPARING) {
			throw new TicketNotPreparing(this.id, this.status);
		}
		this.status = TicketStatus.READY;
		this.readyAt = at;
		// a cooked ticket needs nobody to hold it any more
		this.leaseUntil = null;
		registerEvent(new TicketReady(this.id, this.orderId, this.preparedBy, at, this.startedAt));
	}

	/**
	 * The automatic cook of replica {@code cook} finished this ticket under its lease
	 * ({@link TicketRepository#finish}): registers {@link TicketReady}. As for
	 * {@link #claimedBy}, the change was the conditional update; call this on the ticket
	 * as read back after it counted its row, in the same transaction, and save it.
	 * @throws IllegalStateException unless the ticket is ready, prepared by {@code cook}
	 */
	void finishedBy(String cook) {
		if (this.status != TicketStatus.READY || !cook.equals(this.preparedBy)) {
			throw new IllegalStateException(
					"Ticket %s is %s by %s, not finished by %s".formatted(this.id, this.status, this.preparedBy, cook));
		}
		registerEvent(new TicketReady(this.id, this.orderId, cook, this.readyAt, this.startedAt));
	}

	/**
	 * The order was cancelled before anyone started cooking.
	 * @throws TicketNotQueued unless the ticket is queued
	 */
	void cancel() {
		if (this.status != TicketStatus.QUEUED) {
			throw new TicketNotQueued(this.id, this.status, "cancelled");
		}
		this.status = TicketStatus.CANCELLED;
	}

	boolean isQueued() {
		return this.status == TicketStatus.QUEUED;
	}

	/**
	 * How long the ticket takes at full speed: its items are cooked side by side, so the
	 * slowest one decides.
	 */
	int longestPrepSeconds() {
		return this.items.stream().map(TicketItem::prepSeconds).max(Comparator.naturalOrder()).orElse(0);
	}

	/**
	 * The events registered since the ticket was last saved; Spring Data publishes and
	 * clears them on save.
	 */
	Collection<Object> pendingEvents() {
		return domainEvents();
	}

	UUID getId() {
		return this.id;
	}

	UUID getOrderId() {
		return this.orderId;
	}

	String getTable() {
		return this.table;
	}

	TicketStatus getStatus() {
		return this.status;
	}

	List<TicketItem> getItems() {
		return List.copyOf(this.items);
	}

	String getPreparedBy() {
		return this.preparedBy;
	}

	Instant getPlacedAt() {
		return this.placedAt;
	}

	Instant getReceivedAt() {
		return this.receivedAt;
	}

	Instant getStartedAt() {
		return this.startedAt;
	}

	Instant getReadyAt() {
		return this.readyAt;
	}

	/**
	 * Until when the automatic cook preparing this ticket holds it; {@code null} unless
	 * an automatic cook is preparing it.
	 */
	Instant getLeaseUntil() {
		return this.leaseUntil;
	}

}
