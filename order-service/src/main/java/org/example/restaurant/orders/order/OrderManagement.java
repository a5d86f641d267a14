package org.example.restaurant.orders.order;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.example.restaurant.orders.menu.MenuItem;
import org.example.restaurant.orders.menu.MenuItemRepository;
import org.example.restaurant.platform.observability.OrderIdBaggage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes orders, one transaction per change: loads the order, lets the aggregate make
 * the move, and saves it so that its domain events land in the outbox in the same
 * transaction. Writes one INFO line per business event.
 *
 * <p>
 * Each save is flushed before logging so that an optimistic-lock conflict surfaces as an
 * exception (409) rather than after a log line that claims success.
 */
@Service
public class OrderManagement {

	private static final Logger log = LoggerFactory.getLogger(OrderManagement.class);

	private final OrderRepository orders;

	private final MenuItemRepository menu;

	private final KitchenTickets kitchen;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ObjectProvider<OrderIdBaggage> traces;

	OrderManagement(OrderRepository orders, MenuItemRepository menu, KitchenTickets kitchen,
			PlatformTransactionManager transactionManager, Clock clock, ObjectProvider<OrderIdBaggage> traces) {
		this.orders = orders;
		this.menu = menu;
		this.kitchen = kitchen;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.traces = traces;
	}

	/**
	 * Takes an order, copying name, price and prep time of each item from the menu.
	 * @param table the table
	 * @param items what the table asks for, at least one
	 * @param placedBy the staff number of the waiter
	 * @return the placed order
	 * @throws MenuItemsNotOrderable if an item is unknown or unavailable; nothing is
	 * stored then
	 */
	@Transactional
	public Order place(String table, List<RequestedItem> items, String placedBy) {
		Set<String> ids = items.stream()
			.map(RequestedItem::menuItemId)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		Map<String, MenuItem> known = this.menu.findAllById(ids)
			.stream()
			.collect(Collectors.toMap(MenuItem::getId, Function.identity()));
		List<String> unknown = ids.stream().filter((id) -> !known.containsKey(id)).toList();
		List<String> unavailable = ids.stream()
			.filter(known::containsKey)
			.filter((id) -> !known.get(id).isAvailable())
			.toList();
		if (!unknown.isEmpty() || !unavailable.isEmpty()) {
			throw new MenuItemsNotOrderable(unknown, unavailable);
		}
		List<OrderLine> lines = new ArrayList<>();
		for (RequestedItem item : items) {
			lines.add(OrderLine.of(known.get(item.menuItemId()), item.quantity(), item.note()));
		}
		Order placed = Order.place(table, lines, placedBy, this.clock.instant());
		// before the save, which writes the kitchen's message with the trace (and the
		// order) in it
		this.traces.ifAvailable((trace) -> trace.tag(placed.getId()));
		Order order = this.orders.saveAndFlush(placed);
		log.info("Order {} placed at table {} by {} ({} items, total {})", order.getId(), order.getTable(),
				order.getPlacedBy(), order.getItemCount(), order.getTotal());
		return order;
	}

	/**
	 * Serves a ready order; the cashier will open its bill.
	 * @param id the order
	 * @return the served order
	 */
	@Transactional
	public Order serve(UUID id) {
		this.traces.ifAvailable((trace) -> trace.tag(id));
		Order order = this.orders.require(id);
		order.serve(this.clock.instant());
		order = this.orders.saveAndFlush(order);
		log.info("Order {} served at table {}", order.getId(), order.getTable());
		return order;
	}

	/**
	 * Cancels an order no cook has started. Only the kitchen knows that for sure (a cook
	 * may have started a moment ago, and its news may still be on the way), so a
	 * {@code PLACED} order is cancelled only after the kitchen cancelled its ticket,
	 * synchronously; the call is made outside any transaction so that no database
	 * connection waits on the network. Once the ticket is cancelled no cook can start it,
	 * so the order cannot move on meanwhile (a concurrent cancel loses with 409).
	 * @param id the order
	 * @return the cancelled order
	 * @throws OrderNotCancellable unless the order is {@code PLACED}; the kitchen is not
	 * asked then
	 * @throws CookAlreadyStarted if the kitchen says a cook started; nothing changes
	 * @throws KitchenUnavailable if the kitchen cannot confirm now; nothing changes
	 */
	public Order cancel(UUID id) {
		this.traces.ifAvailable((trace) -> trace.tag(id));
		this.orders.require(id).checkCancellable();
		this.kitchen.cancelTicket(id);
		Order cancelled = this.transaction.execute((status) -> {
			Order order = this.orders.require(id);
			order.cancel(this.clock.instant());
			return this.orders.saveAndFlush(order);
		});
		log.info("Order {} cancelled at table {} (its ticket is cancelled)", cancelled.getId(), cancelled.getTable());
		return cancelled;
	}

	/**
	 * The kitchen started the order's ticket. Idempotent, see
	 * {@link Order#acknowledgeCookingStarted()}.
	 * @param id the order
	 * @param preparedBy the kitchen replica, for the log; may be {@code null}
	 */
	@Transactional
	public void cookingStarted(UUID id, String preparedBy) {
		Order order = this.orders.require(id);
		OrderStatus before = order.getStatus();
		if (order.acknowledgeCookingStarted(this.clock.instant())) {
			this.orders.saveAndFlush(order);
			log.info("Order {} preparing (cook at {})", id, preparedBy);
		}
		else {
			logUnchanged(order, before, "preparing");
		}
	}

	/**
	 * The kitchen finished the order's ticket. Idempotent, see
	 * {@link Order#acknowledgeReady()}.
	 * @param id the order
	 * @param preparedBy the kitchen replica, for the log; may be {@code null}
	 */
	@Transactional
	public void ready(UUID id, String preparedBy) {
		Order order = this.orders.require(id);
		OrderStatus before = order.getStatus();
		if (order.acknowledgeReady(this.clock.instant())) {
			this.orders.saveAndFlush(order);
			if (before == OrderStatus.PLACED) {
				log.info("Order {} preparing (cook at {}; learnt from the ready message)", id, preparedBy);
			}
			log.info("Order {} ready (cooked by {})", id, preparedBy);
		}
		else {
			logUnchanged(order, before, "ready");
		}
	}

	/**
	 * The cashier settled the order's bill. Idempotent, see
	 * {@link Order#acknowledgePayment()}.
	 * @param id the order
	 * @param billId the bill, for the log; may be {@code null}
	 */
	@Transactional
	public void paid(UUID id, String billId) {
		Order order = this.orders.require(id);
		if (order.acknowledgePayment(this.clock.instant())) {
			this.orders.saveAndFlush(order);
			log.info("Order {} paid (bill {})", id, billId);
		}
		else {
			log.debug("Order {} already paid; repeated payment news for bill {} ignored", id, billId);
		}
	}

	private void logUnchanged(Order order, OrderStatus status, String news) {
		if (order.isCancelled()) {
			log.warn("Order {} is CANCELLED but the kitchen reports it {}; ignored", order.getId(), news);
		}
		else {
			log.debug("Order {} is already {}; repeated '{}' news ignored", order.getId(), status, news);
		}
	}

	/**
	 * One line as the table asks for it.
	 *
	 * @param menuItemId the menu item
	 * @param quantity how many
	 * @param note a wish for the kitchen, may be {@code null}
	 */
	public record RequestedItem(String menuItemId, int quantity, String note) {

	}

}
