package org.example.restaurant.kitchen.ticket;

import java.time.Instant;
import java.util.ArrayList;
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
 */
@Entity
@Table(name = "ticket")
public class Ticket {

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
	 * A person starts cooking this ticket on the replica {@code preparedBy}.
	 * @throws TicketNotQueued unless the ticket is queued
	 */
	void start(String preparedBy, Instant at) {
		if (this.status != TicketStatus.QUEUED) {
			throw new TicketNotQueued(this.id, this.status, "started");
		}
		this.status = TicketStatus.PREPARING;
		this.preparedBy = preparedBy;
		this.startedAt = at;
	}

	/**
	 * The ticket is cooked. It keeps the replica that started it as {@code preparedBy}.
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
		return this.items.stream().map(TicketItem::getPrepSeconds).max(Comparator.naturalOrder()).orElse(0);
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getOrderId() {
		return this.orderId;
	}

	public String getTable() {
		return this.table;
	}

	public TicketStatus getStatus() {
		return this.status;
	}

	public List<TicketItem> getItems() {
		return List.copyOf(this.items);
	}

	public String getPreparedBy() {
		return this.preparedBy;
	}

	public Instant getPlacedAt() {
		return this.placedAt;
	}

	public Instant getReceivedAt() {
		return this.receivedAt;
	}

	public Instant getStartedAt() {
		return this.startedAt;
	}

	public Instant getReadyAt() {
		return this.readyAt;
	}

	/**
	 * Until when the automatic cook preparing this ticket holds it; {@code null} unless
	 * an automatic cook is preparing it.
	 */
	public Instant getLeaseUntil() {
		return this.leaseUntil;
	}

}
