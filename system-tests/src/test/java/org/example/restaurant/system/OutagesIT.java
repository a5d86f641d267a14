package org.example.restaurant.system;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing is lost between services: whole services die (kill -9) in the middle of a shift
 * and come back, and every order, ticket and bill still turns up, through the gateway of
 * the real restaurant. While a service is down the gateway answers its routes at once
 * with a 503 problem and {@code Retry-After}; what the others had to tell it waits in
 * their outboxes and reaches it once it is back.
 * <p>
 * The restaurant is shared with the other scenarios, so each scenario starts whatever it
 * killed again and waits until the gateway routes to every service before the next one
 * runs, and lets every order it placed come to rest (cooked, served and billed, or
 * cancelled), so that nothing it started changes the restaurant later.
 */
@ExtendWith(RestaurantExtension.class)
class OutagesIT {

	/**
	 * The longest a client may wait for the gateway's answer: its time limit per request
	 * (10 s), and some room for a busy machine.
	 */
	private static final Duration NO_HANG = Duration.ofSeconds(15);

	/**
	 * How long to wait for what a restarted service has to catch up on: the outboxes
	 * re-send every few seconds, but the machine is small and shared.
	 */
	private static final Duration CATCH_UP = Duration.ofSeconds(90);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final List<String> KITCHENS = List.of("kitchen-1", "kitchen-2", "kitchen-3");

	static Restaurant restaurant;

	@BeforeAll
	static void openTheRestaurant(Restaurant shared) {
		restaurant = shared;
		awaitWholeRestaurant();
	}

	@AfterEach
	void bringBackWhatWasKilled() {
		restaurant.restartWhatIsDown();
		awaitWholeRestaurant();
	}

	@Test
	void withTheCashierDownOrdersAreStillServedAndEveryBillAppearsOnceItIsBack() {
		restaurant.kill("cashier-1");

		List<JsonNode> orders = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			orders.add(place(table("C"), null));
		}
		String unknownBill = UUID.randomUUID().toString();
		// Twice round the cashier's routes: first while the registry may still list the
		// dead instance (refused connections), then with the circuit open.
		for (int round = 0; round < 2; round++) {
			assertUnavailable("GET", "/api/bills", null);
			assertUnavailable("GET", "/api/bills?orderId=" + orders.get(0).path("id").asString(), null);
			assertUnavailable("GET", "/api/bills/" + unknownBill, null);
			assertUnavailable("GET", "/api/reports/daily?date=" + LocalDate.now(ZoneOffset.UTC), null);
			assertUnavailable("POST", "/api/bills/" + unknownBill + "/payments",
					"{\"method\": \"CARD\", \"amount\": 1.00}");
		}

		for (JsonNode order : orders) {
			String id = order.path("id").asString();
			awaitStatus(id, "READY");
			Restaurant.Response served = restaurant.post("/api/orders/" + id + "/serve", "");
			assertThat(served.status()).as(served.body()).isEqualTo(200);
			assertThat(served.json().path("status").asString()).isEqualTo("SERVED");
		}
		assertUnavailable("GET", "/api/bills?orderId=" + orders.get(0).path("id").asString(), null);

		restaurant.restartWhatIsDown();

		for (JsonNode order : orders) {
			String id = order.path("id").asString();
			JsonNode bills = await("the bill of order " + id + " once the cashier is back").atMost(CATCH_UP)
				.pollInterval(POLL)
				.until(() -> billsOf(id), (found) -> found != null && !found.isEmpty());
			assertThat(bills).as("bills of order " + id).hasSize(1);
			JsonNode bill = bills.get(0);
			assertThat(bill.path("orderId").asString()).isEqualTo(id);
			assertThat(bill.path("table").asString()).isEqualTo(order.path("table").asString());
			assertThat(bill.path("status").asString()).isEqualTo("OPEN");
			assertThat(bill.path("total").decimalValue()).as("bill of order " + id)
				.isEqualByComparingTo(order.path("total").decimalValue());
			assertThat(bill.path("balanceDue").decimalValue()).isEqualByComparingTo(order.path("total").decimalValue());
			assertThat(bill.path("lines")).hasSameSizeAs(order.path("items"));
			assertThat(statusOf(id)).isEqualTo("SERVED");
		}
	}

	/**
	 * Two outages in one: starting the kitchen again takes a minute on a small machine,
	 * so the order service is killed during the kitchen's outage, while it holds the
	 * tickets it could not deliver.
	 */
	@Test
	void withTheKitchenDownOrdersAreTakenAndNeitherTheyNorTheirTicketsAreLostWhenTheOrderServiceIsKilled() {
		KITCHENS.forEach(restaurant::kill);

		String key = UUID.randomUUID().toString();
		String keyedTable = table("O");
		Restaurant.Response keyed = restaurant.post("/api/orders", orderBody(keyedTable), key);
		assertThat(keyed.status()).as(keyed.body()).isEqualTo(201);
		assertThat(keyed.json().path("status").asString()).isEqualTo("PLACED");
		List<JsonNode> orders = new ArrayList<>(List.of(keyed.json()));
		for (int i = 0; i < 2; i++) {
			orders.add(place(table("K"), null));
		}
		for (int round = 0; round < 2; round++) {
			assertUnavailable("GET", "/api/kitchen/tickets", null);
			assertUnavailable("GET", "/api/kitchen/tickets/" + UUID.randomUUID(), null);
			assertUnavailable("GET", "/api/kitchen/cluster", null);
		}
		// Only the kitchen knows whether a cook started, and no kitchen answers: the
		// order service cannot cancel, and changes nothing.
		String notCancelled = orders.get(1).path("id").asString();
		assertUnavailable("POST", "/api/orders/" + notCancelled + "/cancel", null);
		for (JsonNode order : orders) {
			assertThat(statusOf(order.path("id").asString())).isEqualTo("PLACED");
		}

		// One more order, and the order service is killed right after acknowledging it:
		// a 201 means the order and its message are on disk (the embedded H2 database
		// writes each commit at once, WRITE_DELAY=0; with H2's default delay of about a
		// second this order was lost).
		JsonNode lastMinute = place(table("L"), null);
		orders.add(lastMinute);
		restaurant.kill("order-1");
		assertUnavailable("GET", "/api/orders/" + notCancelled, null);
		assertUnavailable("POST", "/api/orders", orderBody(table("X")));

		restaurant.restartWhatIsDown();
		awaitWholeRestaurant();

		for (JsonNode order : orders) {
			String id = order.path("id").asString();
			Restaurant.Response again = restaurant.get("/api/orders/" + id);
			assertThat(again.status()).as(again.body()).isEqualTo(200);
			assertThat(again.json().path("table").asString()).isEqualTo(order.path("table").asString());
			assertThat(again.json().path("total").decimalValue())
				.isEqualByComparingTo(order.path("total").decimalValue());
			assertThat(again.json().path("items")).hasSameSizeAs(order.path("items"));
		}
		awaitCooked(orders);

		// The waiter's app sends the first order again, with its key: the same order
		// comes back, and no second one is placed.
		Restaurant.Response repeated = restaurant.post("/api/orders", orderBody(keyedTable), key);
		assertThat(repeated.status()).as(repeated.body()).isEqualTo(201);
		assertThat(repeated.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(repeated.json().path("id").asString()).isEqualTo(keyed.json().path("id").asString());
		assertThat(repeated.header("Location")).isEqualTo(keyed.header("Location"));
		JsonNode atTheTable = restaurant.get("/api/orders?table=" + keyedTable).json();
		assertThat(atTheTable).hasSize(1);
		assertThat(atTheTable.get(0).path("id").asString()).isEqualTo(keyed.json().path("id").asString());
	}

	@Test
	void anOrderNoCookHasStartedIsCancelledWithItsTicketAndOneBeingCookedIsNot() {
		// Twice as many long tickets as the shared restaurant has cooks (3 replicas x 2),
		// so that the order placed after them waits in the queue for a good while.
		List<JsonNode> longOnes = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			longOnes.add(place(table("L"), "{\"menuItemId\": \"risotto\", \"quantity\": 1}"));
		}
		String waiting = place(table("W"), null).path("id").asString();

		Restaurant.Response cancelled = restaurant.post("/api/orders/" + waiting + "/cancel", "");
		assertThat(cancelled.status()).as(cancelled.body() + ", ticket " + ticketsOf(waiting)).isEqualTo(200);
		assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
		await("the kitchen to hold the cancelled ticket of order " + waiting).atMost(CATCH_UP)
			.pollInterval(POLL)
			.until(() -> ticketsOf(waiting),
					(tickets) -> tickets.size() == 1 && tickets.get(0).path("status").asString().equals("CANCELLED"));

		String cooking = await("a cook to start one of the long orders").atMost(CATCH_UP)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> preparing(longOnes), (id) -> id != null);
		Restaurant.Response refused = restaurant.post("/api/orders/" + cooking + "/cancel", "");
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(statusOf(cooking)).isNotEqualTo("CANCELLED");

		Map<String, List<JsonNode>> tickets = awaitCooked(longOnes);
		assertThat(tickets.get(cooking).get(0).path("status").asString()).isEqualTo("READY");
		// Every cook is free again, and none took the cancelled ticket.
		assertThat(statusOf(waiting)).isEqualTo("CANCELLED");
		List<JsonNode> cancelledTicket = ticketsOf(waiting);
		assertThat(cancelledTicket).hasSize(1);
		assertThat(cancelledTicket.get(0).path("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelledTicket.get(0).path("startedAt").isNull()
				|| cancelledTicket.get(0).path("startedAt").isMissingNode())
			.as("never started: " + cancelledTicket.get(0))
			.isTrue();
	}

	/**
	 * What {@code ./restaurant up} waits for, and a little more: the registry lists every
	 * instance, and the gateway answers for every service several times over, so that no
	 * circuit is left half open for the next scenario.
	 */
	private static void awaitWholeRestaurant() {
		await("the registry to list every instance").atMost(CATCH_UP)
			.pollInterval(POLL)
			.until(() -> upInstances("kitchen-service") == KITCHENS.size() && upInstances("order-service") == 1
					&& upInstances("cashier-service") == 1);
		for (String path : List.of("/api/menu", "/api/kitchen/tickets", "/api/bills")) {
			for (int i = 0; i < 3; i++) {
				await("the gateway to route " + path).atMost(CATCH_UP)
					.pollInterval(POLL)
					.until(() -> restaurant.get(path).status() == 200);
			}
		}
	}

	private static int upInstances(String app) {
		int up = 0;
		for (JsonNode instance : restaurant.registryApp(app).path("instance")) {
			if (instance.path("status").asString().equals("UP")) {
				up++;
			}
		}
		return up;
	}

	/**
	 * The gateway's answer for a service that is down: a 503 problem with
	 * {@code Retry-After}, at once (never a 500, never a hang).
	 */
	private static void assertUnavailable(String method, String path, String body) {
		long start = System.nanoTime();
		Restaurant.Response response = restaurant.send(method, path, (body != null) ? "application/json" : null, body);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		String answer = method + " " + path + " -> " + response.status() + " " + response.headers() + " "
				+ response.body() + " after " + took.toMillis() + " ms";
		assertThat(response.status()).as(answer).isEqualTo(503);
		assertThat(response.header("Content-Type")).as(answer).startsWith("application/problem+json");
		assertThat(response.json().path("status").asInt()).as(answer).isEqualTo(503);
		assertThat(response.header("Retry-After")).as(answer).matches("[1-9][0-9]*");
		assertThat(took).as(answer).isLessThan(NO_HANG);
	}

	/** Places an order at the table: the given line, or by default a soup and a glass. */
	private static JsonNode place(String table, String line) {
		String body = (line != null) ? "{\"table\": \"%s\", \"items\": [%s]}".formatted(table, line) : orderBody(table);
		Restaurant.Response placed = restaurant.post("/api/orders", body);
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		assertThat(placed.json().path("status").asString()).isEqualTo("PLACED");
		return placed.json();
	}

	private static String orderBody(String table) {
		return """
				{"table": "%s", "items": [{"menuItemId": "soup-of-the-day", "quantity": 2},
				                          {"menuItemId": "house-red", "quantity": 1}]}
				""".formatted(table);
	}

	/** A table name of this scenario's own: a letter and a few random characters. */
	private static String table(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * Waits until every order is READY, and returns the tickets by order: exactly one
	 * each, cooked (nothing lost, nothing cooked twice).
	 */
	private static Map<String, List<JsonNode>> awaitCooked(List<JsonNode> orders) {
		for (JsonNode order : orders) {
			awaitStatus(order.path("id").asString(), "READY");
		}
		Map<String, List<JsonNode>> tickets = new HashMap<>();
		for (JsonNode ticket : restaurant.get("/api/kitchen/tickets").json()) {
			tickets.computeIfAbsent(ticket.path("orderId").asString(), (id) -> new ArrayList<>()).add(ticket);
		}
		for (JsonNode order : orders) {
			String id = order.path("id").asString();
			assertThat(tickets.get(id)).as("tickets of order " + id).hasSize(1);
			assertThat(tickets.get(id).get(0).path("status").asString()).isEqualTo("READY");
			assertThat(tickets.get(id).get(0).path("preparedBy").asString()).startsWith("kitchen-");
		}
		return tickets;
	}

	private static void awaitStatus(String orderId, String status) {
		await("order " + orderId + " to be " + status).atMost(CATCH_UP)
			.pollInterval(POLL)
			.until(() -> statusOf(orderId), status::equals);
	}

	private static String statusOf(String orderId) {
		Restaurant.Response response = restaurant.get("/api/orders/" + orderId);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("status").asString();
	}

	/** The bills of an order, or {@code null} while the cashier cannot answer. */
	private static JsonNode billsOf(String orderId) {
		Restaurant.Response response = restaurant.get("/api/bills?orderId=" + orderId);
		return (response.status() == 200) ? response.json() : null;
	}

	private static List<JsonNode> ticketsOf(String orderId) {
		List<JsonNode> tickets = new ArrayList<>();
		for (JsonNode ticket : restaurant.get("/api/kitchen/tickets").json()) {
			if (ticket.path("orderId").asString().equals(orderId)) {
				tickets.add(ticket);
			}
		}
		return tickets;
	}

	/** One of the orders whose ticket a cook is preparing, or {@code null}. */
	private static String preparing(List<JsonNode> orders) {
		List<String> ids = orders.stream().map((order) -> order.path("id").asString()).toList();
		for (JsonNode ticket : restaurant.get("/api/kitchen/tickets?status=PREPARING").json()) {
			if (ids.contains(ticket.path("orderId").asString())) {
				return ticket.path("orderId").asString();
			}
		}
		return null;
	}

}
