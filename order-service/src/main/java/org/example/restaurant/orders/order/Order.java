package org.example.restaurant.orders.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.example.restaurant.orders.order.OrderEvents.OrderPlaced;
import org.example.restaurant.orders.order.OrderEvents.OrderServed;
import org.example.restaurant.orders.order.OrderEvents.OrderStatusChanged;
import org.example.restaurant.orders.order.OrderTransitionRefused.OrderNotCancellable;
import org.example.restaurant.orders.order.OrderTransitionRefused.OrderNotPlaced;
import org.example.restaurant.orders.order.OrderTransitionRefused.OrderNotPreparing;
import org.example.restaurant.orders.order.OrderTransitionRefused.OrderNotReady;
import org.example.restaurant.orders.order.OrderTransitionRefused.OrderNotServed;
import org.example.restaurant.platform.money.Money;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * An order taken at a table: the aggregate root of this service.
 *
 * <p>
 * Its status moves {@code PLACED -> PREPARING -> READY -> SERVED -> PAID}; it can be
 * {@code CANCELLED} only while still {@code PLACED}. Each transition method refuses any
 * other move with an {@link OrderTransitionRefused} and leaves the order unchanged.
 * Placing and serving register a domain event that Spring Data publishes when the order
 * is saved, in the same transaction, so the event publication registry (the outbox)
 * records it atomically with the change. Every status it reaches ({@code PLACED}
 * included) registers an {@link OrderStatusChanged}, which only the metrics count.
 *
 * <p>
 * The {@code acknowledge...} methods apply news from the kitchen and the cashier. They
 * are idempotent as docs/internal-api.md requires: news the order already reflects
 * changes nothing, because messages are re-sent and may overtake each other.
 */
@Entity
@Table(name = "orders")
public class Order extends AbstractAggregateRoot<Order> {

	@Id
	private UUID id;

	@Column(name = "table_label")
	private String table;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	@ElementCollection
	@CollectionTable(name = "order_lines", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	private List<OrderLine> lines = new ArrayList<>();

	private BigDecimal total;

	/**
	 * The staff number of the waiter who placed it (none on orders from before sign-in).
	 */
	private String placedBy;

	private Instant createdAt;

	private Instant updatedAt;

	/**
	 * Optimistic lock: two concurrent transitions of one order cannot both win.
	 */
	@Version
	private Long version;

	protected Order() {
	}

	private Order(String table, List<OrderLine> lines, String placedBy, Instant at) {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("an order needs at least one line");
		}
		this.id = UUID.randomUUID();
		this.table = Objects.requireNonNull(table, "table must not be null");
		this.placedBy = Objects.requireNonNull(placedBy, "placedBy must not be null");
		this.lines = new ArrayList<>(lines);
		this.total = lines.stream().map(OrderLine::lineTotal).reduce(Money.ZERO, Money::plus);
		this.status = OrderStatus.PLACED;
		this.createdAt = at.truncatedTo(ChronoUnit.MICROS);
		this.updatedAt = this.createdAt;
		registerEvent(new OrderPlaced(this.id));
		registerEvent(new OrderStatusChanged(this.id, this.status));
	}

	/**
	 * Takes an order.
	 * @param table the table, e.g. {@code T4}
	 * @param lines at least one line
	 * @param placedBy the staff number of the waiter who takes it
	 * @param at when it is placed (kept to the microsecond, as the database keeps it)
	 * @return a {@code PLACED} order that will announce itself when saved
	 */
	public static Order place(String table, List<OrderLine> lines, String placedBy, Instant at) {
		return new Order(table, lines, placedBy, at);
	}

	/**
	 * {@code PLACED -> PREPARING}: a cook started.
	 * @throws OrderNotPlaced from any other status
	 * @param at when it happens
	 */
	public void startPreparing(Instant at) {
		if (this.status != OrderStatus.PLACED) {
			throw new OrderNotPlaced(this.id, this.status);
		}
		moveTo(OrderStatus.PREPARING, at);
	}

	/**
	 * {@code PREPARING -> READY}: the food is at the pass.
	 * @throws OrderNotPreparing from any other status
	 * @param at when it happens
	 */
	public void markReady(Instant at) {
		if (this.status != OrderStatus.PREPARING) {
			throw new OrderNotPreparing(this.id, this.status);
		}
		moveTo(OrderStatus.READY, at);
	}

	/**
	 * {@code READY -> SERVED}: the food is on the table; the cashier will open a bill.
	 * @throws OrderNotReady from any other status
	 * @param at when it happens
	 */
	public void serve(Instant at) {
		if (this.status != OrderStatus.READY) {
			throw new OrderNotReady(this.id, this.status);
		}
		moveTo(OrderStatus.SERVED, at);
		registerEvent(new OrderServed(this.id));
	}

	/**
	 * {@code SERVED -> PAID}: the bill is settled.
	 * @throws OrderNotServed from any other status
	 * @param at when it happens
	 */
	public void pay(Instant at) {
		if (this.status != OrderStatus.SERVED) {
			throw new OrderNotServed(this.id, this.status);
		}
		moveTo(OrderStatus.PAID, at);
	}

	/**
	 * Whether the order may still be cancelled, as far as it knows: the kitchen has the
	 * last word (see {@link OrderManagement#cancel}).
	 * @throws OrderNotCancellable unless the order is {@code PLACED}
	 */
	public void checkCancellable() {
		if (this.status != OrderStatus.PLACED) {
			throw new OrderNotCancellable(this.id, this.status);
		}
	}

	/**
	 * {@code PLACED -> CANCELLED}: called off before a cook started. The kitchen must
	 * have cancelled the ticket first, so there is nothing to tell it.
	 * @throws OrderNotCancellable from any other status
	 * @param at when it happens
	 */
	public void cancel(Instant at) {
		checkCancellable();
		moveTo(OrderStatus.CANCELLED, at);
	}

	/**
	 * The kitchen says a cook started. Moves a {@code PLACED} order to {@code PREPARING};
	 * any later status already reflects the news, and a cancelled order ignores it.
	 * @return whether the order changed
	 * @param at when it happens
	 */
	public boolean acknowledgeCookingStarted(Instant at) {
		if (this.status != OrderStatus.PLACED) {
			return false;
		}
		startPreparing(at);
		return true;
	}

	/**
	 * The kitchen says the order is ready. Moves a {@code PLACED} order through
	 * {@code PREPARING} (the "started" message may still be on its way) and a
	 * {@code PREPARING} one to {@code READY}; {@code READY}, {@code SERVED} and
	 * {@code PAID} already reflect the news, and a cancelled order ignores it.
	 * @return whether the order changed
	 * @param at when it happens
	 */
	public boolean acknowledgeReady(Instant at) {
		if (this.status == OrderStatus.PLACED) {
			startPreparing(at);
		}
		if (this.status != OrderStatus.PREPARING) {
			return false;
		}
		markReady(at);
		return true;
	}

	/**
	 * The cashier says the bill is paid. A {@code PAID} order already reflects it.
	 * @return whether the order changed
	 * @throws OrderNotServed if the order is neither {@code SERVED} nor {@code PAID}: a
	 * bill only exists for a served order, so this is a bug somewhere
	 * @param at when it happens
	 */
	public boolean acknowledgePayment(Instant at) {
		if (this.status == OrderStatus.PAID) {
			return false;
		}
		pay(at);
		return true;
	}

	private void moveTo(OrderStatus next, Instant at) {
		this.status = next;
		this.updatedAt = at.truncatedTo(ChronoUnit.MICROS);
		registerEvent(new OrderStatusChanged(this.id, next));
	}

	/**
	 * @return the events registered since the order was last saved; Spring Data publishes
	 * and clears them on save
	 */
	Collection<Object> pendingEvents() {
		return domainEvents();
	}

	public UUID getId() {
		return this.id;
	}

	public String getTable() {
		return this.table;
	}

	public OrderStatus getStatus() {
		return this.status;
	}

	public boolean isCancelled() {
		return this.status == OrderStatus.CANCELLED;
	}

	public List<OrderLine> getLines() {
		return Collections.unmodifiableList(this.lines);
	}

	/**
	 * @return how many dishes and drinks the order has in all
	 */
	public int getItemCount() {
		return this.lines.stream().mapToInt(OrderLine::quantity).sum();
	}

	public BigDecimal getTotal() {
		return this.total;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getPlacedBy() {
		return this.placedBy;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
