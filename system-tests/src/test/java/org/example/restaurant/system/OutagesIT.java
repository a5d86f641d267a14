package org.example.restaurant.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.example.restaurant.system.Kitchen.Ticket;
import org.example.restaurant.system.Till.Bill;
import org.example.restaurant.system.Till.PaymentRequest;
import org.example.restaurant.system.Waiter.Line;
import org.example.restaurant.system.Waiter.Order;
import org.example.restaurant.system.Waiter.PlacedOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
@SharedRestaurant
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

	/** What most orders here are: two soups and a glass of red. */
	private static final Line[] SOUP_AND_WINE = { Line.of("soup-of-the-day", 2), Line.of("house-red", 1) };

	static Restaurant restaurant;

	@BeforeAll
	static void theWholeRestaurantAnswers() {
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

		Waiter waiter = restaurant.waiter();
		List<Order> orders = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			orders.add(place(table("C"), SOUP_AND_WINE));
		}
		String unknownBill = UUID.randomUUID().toString();
		// Twice round the cashier's routes: first while the registry may still list the
		// dead instance (refused connections), then with the circuit open.
		for (int round = 0; round < 2; round++) {
			assertUnavailable("GET", "/api/bills", null);
			assertUnavailable("GET", "/api/bills?orderId=" + orders.get(0).id(), null);
			assertUnavailable("GET", "/api/bills/" + unknownBill, null);
			assertUnavailable("GET", "/api/reports/daily?date=" + LocalDate.now(ZoneOffset.UTC), null);
			assertUnavailable("POST", Till.paymentsOf(unknownBill), PaymentRequest.card(new BigDecimal("1.00")).json());
		}

		for (Order order : orders) {
			waiter.awaitStatus(order.id(), "READY", CATCH_UP);
			assertThat(waiter.serve(order.id()).status()).isEqualTo("SERVED");
		}
		assertUnavailable("GET", "/api/bills?orderId=" + orders.get(0).id(), null);

		restaurant.restartWhatIsDown();

		for (Order order : orders) {
			Bill bill = restaurant.till().awaitBillOf(order.id(), CATCH_UP);
			assertThat(bill.orderId()).isEqualTo(order.id());
			assertThat(bill.table()).isEqualTo(order.table());
			assertThat(bill.status()).isEqualTo("OPEN");
			assertThat(bill.total()).as("bill of order " + order.id()).isEqualByComparingTo(order.total());
			assertThat(bill.balanceDue()).isEqualByComparingTo(order.total());
			assertThat(bill.lines()).hasSameSizeAs(order.items());
			assertThat(waiter.order(order.id()).status()).isEqualTo("SERVED");
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

		Waiter waiter = restaurant.waiter();
		String key = UUID.randomUUID().toString();
		String keyedTable = table("O");
		PlacedOrder keyed = waiter.placeWithKey(key, keyedTable, SOUP_AND_WINE);
		assertThat(keyed.order().status()).isEqualTo("PLACED");
		List<Order> orders = new ArrayList<>(List.of(keyed.order()));
		for (int i = 0; i < 2; i++) {
			orders.add(place(table("K"), SOUP_AND_WINE));
		}
		for (int round = 0; round < 2; round++) {
			assertUnavailable("GET", "/api/kitchen/tickets", null);
			assertUnavailable("GET", "/api/kitchen/tickets/" + UUID.randomUUID(), null);
			assertUnavailable("GET", "/api/kitchen/cluster", null);
		}
		// Only the kitchen knows whether a cook started, and no kitchen answers: the
		// order service cannot cancel, and changes nothing.
		String notCancelled = orders.get(1).id();
		assertUnavailable("POST", "/api/orders/" + notCancelled + "/cancel", null);
		for (Order order : orders) {
			assertThat(waiter.order(order.id()).status()).isEqualTo("PLACED");
		}

		// One more order, and the order service is killed right after acknowledging it:
		// a 201 means the order and its message are on disk (the embedded H2 database
		// writes each commit at once, WRITE_DELAY=0; with H2's default delay of about a
		// second this order was lost).
		orders.add(place(table("L"), SOUP_AND_WINE));
		restaurant.kill("order-1");
		assertUnavailable("GET", "/api/orders/" + notCancelled, null);
		assertUnavailable("POST", "/api/orders", Waiter.orderJson(table("X"), SOUP_AND_WINE));

		restaurant.restartWhatIsDown();
		awaitWholeRestaurant();

		for (Order order : orders) {
			Order again = waiter.order(order.id());
			assertThat(again.table()).isEqualTo(order.table());
			assertThat(again.total()).isEqualByComparingTo(order.total());
			assertThat(again.items()).hasSameSizeAs(order.items());
		}
		awaitCooked(orders);

		// The waiter's app sends the first order again, with its key: the same order
		// comes back, and no second one is placed.
		PlacedOrder repeated = waiter.placeWithKey(key, keyedTable, SOUP_AND_WINE);
		assertThat(repeated.replayed()).isTrue();
		assertThat(repeated.id()).isEqualTo(keyed.id());
		assertThat(repeated.location()).isEqualTo(keyed.location());
		List<Order> atTheTable = waiter.ordersAt(keyedTable);
		assertThat(atTheTable).hasSize(1);
		assertThat(atTheTable.get(0).id()).isEqualTo(keyed.id());
	}

	@Test
	void anOrderNoCookHasStartedIsCancelledWithItsTicketAndOneBeingCookedIsNot() {
		// Twice as many long tickets as the shared restaurant has cooks (3 replicas x 2),
		// so that the order placed after them waits in the queue for a good while.
		Waiter waiter = restaurant.waiter();
		Kitchen kitchen = restaurant.kitchen();
		List<Order> longOnes = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			longOnes.add(place(table("L"), Line.of("risotto", 1)));
		}
		String waiting = place(table("W"), SOUP_AND_WINE).id();

		// As the waiter's app does: a 503 (the kitchen cannot confirm yet, say its
		// replicas
		// are still coming back from the test before) is asked again after Retry-After.
		Restaurant.Response cancelled = await("the kitchen to confirm or refuse the cancellation")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> waiter.tryCancel(waiting), (answer) -> answer.status() != 503);
		assertThat(cancelled.status()).as(cancelled.body() + ", ticket " + kitchen.ticketsOf(waiting)).isEqualTo(200);
		assertThat(cancelled.as(Order.class).status()).isEqualTo("CANCELLED");
		await("the kitchen to hold the cancelled ticket of order " + waiting).atMost(CATCH_UP)
			.pollInterval(POLL)
			.until(() -> kitchen.ticketsOf(waiting),
					(tickets) -> tickets.size() == 1 && tickets.get(0).status().equals("CANCELLED"));

		String cooking = await("a cook to start one of the long orders").atMost(CATCH_UP)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> preparing(longOnes), (id) -> id != null);
		Restaurant.Response refused = waiter.tryCancel(cooking);
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(waiter.order(cooking).status()).isNotEqualTo("CANCELLED");

		Map<String, List<Ticket>> tickets = awaitCooked(longOnes);
		assertThat(tickets.get(cooking).get(0).status()).isEqualTo("READY");
		// Every cook is free again, and none took the cancelled ticket.
		assertThat(waiter.order(waiting).status()).isEqualTo("CANCELLED");
		List<Ticket> cancelledTicket = kitchen.ticketsOf(waiting);
		assertThat(cancelledTicket).hasSize(1);
		assertThat(cancelledTicket.get(0).status()).isEqualTo("CANCELLED");
		assertThat(cancelledTicket.get(0).startedAt()).as("never started: " + cancelledTicket.get(0)).isNull();
	}

	/**
	 * The kitchen's database is a part of its own (the H2 TCP server that the launcher
	 * starts as {@code kitchen-db}). While it is down the kitchen replicas still run but
	 * cannot read a ticket: they say so as a service that is down does, with a 503
	 * problem and {@code Retry-After} (not a 500), and answer again once it is back.
	 */
	@Test
	void withTheKitchensDatabaseDownTheKitchenIsUnavailableUntilTheDatabaseIsBack() {
		assertThat(restaurant.launcher("status")).containsPattern("kitchen-db +running");
		restaurant.stop("kitchen-db");

		Restaurant.Response response = assertUnavailable("GET", "/api/kitchen/tickets", null);
		assertThat(response.problem().title()).as(response.describe()).isEqualTo("Service unavailable");

		restaurant.restartWhatIsDown();
		await("the kitchen to answer again once its database is back").atMost(CATCH_UP)
			.pollInterval(POLL)
			.until(() -> restaurant.kitchen().tryTickets().status() == 200);
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
					&& upInstances("cashier-service") == 1 && upInstances("staff-service") == 1);
		// each route asked by who uses it: the menu by anyone, the tickets by the cook,
		// the bills by the cashier
		for (String path : List.of("/api/menu", "/api/kitchen/tickets", "/api/bills")) {
			for (int i = 0; i < 3; i++) {
				await("the gateway to route " + path).atMost(CATCH_UP)
					.pollInterval(POLL)
					.until(() -> restaurant.get(path, restaurant.whoCalls("GET", path)).status() == 200);
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
	 * The gateway's answer for a service that is down, to the member of staff who may
	 * make the call (a signed-in person: the token is checked before the route): a 503
	 * problem with {@code Retry-After}, at once (never a 500, never a hang).
	 */
	private static Restaurant.Response assertUnavailable(String method, String path, String body) {
		Staff who = restaurant.whoCalls(method, path);
		if (who != null) {
			who.token(); // signed in before the clock starts
		}
		long start = System.nanoTime();
		Restaurant.Response response = restaurant.send(method, path, (body != null) ? "application/json" : null, body,
				who);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		String answer = method + " " + path + " -> " + response.status() + " " + response.headers() + " "
				+ response.body() + " after " + took.toMillis() + " ms";
		assertThat(response.status()).as(answer).isEqualTo(503);
		assertThat(response.header("Content-Type")).as(answer).startsWith("application/problem+json");
		assertThat(response.json().path("status").asInt()).as(answer).isEqualTo(503);
		assertThat(response.header("Retry-After")).as(answer).matches("[1-9][0-9]*");
		assertThat(took).as(answer).isLessThan(NO_HANG);
		return response;
	}

	/** A waiter places an order at the table. */
	private static Order place(String table, Line... lines) {
		PlacedOrder placed = restaurant.waiter().place(table, lines);
		assertThat(placed.order().status()).isEqualTo("PLACED");
		return placed.order();
	}

	/** A table name of this scenario's own: a letter and a few random characters. */
	private static String table(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * Waits until every order is READY, and returns the tickets by order: exactly one
	 * each, cooked (nothing lost, nothing cooked twice).
	 */
	private static Map<String, List<Ticket>> awaitCooked(List<Order> orders) {
		for (Order order : orders) {
			restaurant.waiter().awaitStatus(order.id(), "READY", CATCH_UP);
		}
		Map<String, List<Ticket>> tickets = restaurant.kitchen().ticketsByOrder();
		for (Order order : orders) {
			assertThat(tickets.get(order.id())).as("tickets of order " + order.id()).hasSize(1);
			assertThat(tickets.get(order.id()).get(0).status()).isEqualTo("READY");
			assertThat(tickets.get(order.id()).get(0).preparedBy()).startsWith("kitchen-");
		}
		return tickets;
	}

	/** One of the orders whose ticket a cook is preparing, or {@code null}. */
	private static String preparing(List<Order> orders) {
		List<String> ids = orders.stream().map(Order::id).toList();
		for (Ticket ticket : restaurant.kitchen().tickets("PREPARING")) {
			if (ids.contains(ticket.orderId())) {
				return ticket.orderId();
			}
		}
		return null;
	}

}
