package org.example.restaurant.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.awaitility.Awaitility.await;

/**
 * The waiter of a running {@link Restaurant}, signed in as a member of staff with the
 * {@code WAITER} role: reads the menu (which needs no token), places orders, waits for
 * them, serves and cancels them, through the gateway. Each call that must succeed asserts
 * its status and returns what came back as a record; the {@code try...} calls return the
 * raw {@link Restaurant.Response} for a scenario that expects a refusal.
 *
 * @param restaurant the restaurant
 * @param staff who the waiter is: their staff number is the orders' {@code placedBy}
 */
record Waiter(Restaurant restaurant, Staff staff) implements Desk {

	/**
	 * How long the kitchen may take to cook an order, unless a scenario says otherwise.
	 */
	static final Duration COOKING = Duration.ofSeconds(60);

	private static final Duration POLL = Duration.ofMillis(300);

	/** The whole menu. */
	List<MenuItem> menu() {
		return Desk.ok(this.restaurant.get("/api/menu"), 200).asListOf(MenuItem.class);
	}

	/** The id of the first item of a category that can be ordered now. */
	String firstAvailable(String category) {
		for (MenuItem item : Desk.ok(this.restaurant.get("/api/menu?available=true"), 200).asListOf(MenuItem.class)) {
			if (item.category().equals(category) && item.available()) {
				return item.id();
			}
		}
		throw new AssertionError("no available " + category + " on the menu");
	}

	/** Places an order at a table; it must be accepted (201). */
	PlacedOrder place(String table, Line... lines) {
		return placed(tryPlace(table, lines));
	}

	/** Places an order with an {@code Idempotency-Key}; it must be accepted (201). */
	PlacedOrder placeWithKey(String idempotencyKey, String table, Line... lines) {
		return placed(this.restaurant.post("/api/orders", orderJson(table, lines), idempotencyKey, this.staff));
	}

	/** Places an order, whatever the answer. */
	Restaurant.Response tryPlace(String table, Line... lines) {
		return post("/api/orders", orderJson(table, lines));
	}

	/** The order as the order-service shows it now. */
	Order order(String orderId) {
		return read("/api/orders/" + orderId, Order.class);
	}

	/** The orders of one table, oldest first. */
	List<Order> ordersAt(String table) {
		return readList("/api/orders?table=" + table, Order.class);
	}

	/** Every order, oldest first. */
	List<Order> orders() {
		return readList("/api/orders", Order.class);
	}

	/**
	 * Waits (at most {@link #COOKING}) until the order has the status, and returns it.
	 */
	Order awaitStatus(String orderId, String status) {
		return awaitStatus(orderId, status, COOKING);
	}

	Order awaitStatus(String orderId, String status, Duration atMost) {
		return await("order " + orderId + " to be " + status).atMost(atMost)
			.pollInterval(POLL)
			.until(() -> order(orderId), (order) -> order.status().equals(status));
	}

	/** Waits until every one of the orders has the status. */
	void awaitEvery(Collection<String> orderIds, String status, Duration atMost) {
		await("every one of " + orderIds.size() + " orders to be " + status).atMost(atMost)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> orderIds.stream().allMatch((id) -> order(id).status().equals(status)));
	}

	/** Serves a ready order; it must be accepted (200). */
	Order serve(String orderId) {
		return Desk.ok(tryServe(orderId), 200).as(Order.class);
	}

	Restaurant.Response tryServe(String orderId) {
		return post("/api/orders/" + orderId + "/serve", "");
	}

	/** Cancels an order; it must be accepted (200). */
	Order cancel(String orderId) {
		return Desk.ok(tryCancel(orderId), 200).as(Order.class);
	}

	Restaurant.Response tryCancel(String orderId) {
		return post("/api/orders/" + orderId + "/cancel", "");
	}

	/** The body of {@code POST /api/orders}. */
	static String orderJson(String table, Line... lines) {
		ObjectNode order = Restaurant.json.createObjectNode().put("table", table);
		ArrayNode items = order.putArray("items");
		for (Line line : lines) {
			ObjectNode item = items.addObject().put("menuItemId", line.menuItemId()).put("quantity", line.quantity());
			if (line.note() != null) {
				item.put("note", line.note());
			}
		}
		return Restaurant.json.writeValueAsString(order);
	}

	private static PlacedOrder placed(Restaurant.Response response) {
		Desk.ok(response, 201);
		return new PlacedOrder(response.as(Order.class), response.header("Location"),
				"true".equals(response.header("Idempotent-Replayed")));
	}

	/** One line of an order to place. */
	record Line(String menuItemId, int quantity, String note) {

		static Line of(String menuItemId, int quantity) {
			return new Line(menuItemId, quantity, null);
		}

		Line withNote(String note) {
			return new Line(this.menuItemId, this.quantity, note);
		}

	}

	/** An order as the API shows it. */
	record Order(String id, String table, String status, List<OrderLine> items, BigDecimal total, String placedBy,
			Instant createdAt, Instant updatedAt) {

		record OrderLine(String menuItemId, String name, BigDecimal unitPrice, int quantity, String note,
				BigDecimal lineTotal) {
		}

	}

	/**
	 * What placing an order answered: the order, its {@code Location}, and whether it is
	 * the first answer replayed for a repeated {@code Idempotency-Key}.
	 */
	record PlacedOrder(Order order, String location, boolean replayed) {

		String id() {
			return this.order.id();
		}

	}

	record MenuItem(String id, String name, String category, BigDecimal price, int prepSeconds, boolean available) {
	}

}
