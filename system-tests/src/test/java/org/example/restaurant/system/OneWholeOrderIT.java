package org.example.restaurant.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One shift in miniature, against the real jars started by {@code ./restaurant up}: a
 * waiter places an order through the gateway, a kitchen replica cooks it, the waiter
 * serves it, the cashier bills it and takes the money.
 */
@ExtendWith(RestaurantExtension.class)
class OneWholeOrderIT {

	static Restaurant restaurant;

	@BeforeAll
	static void openTheRestaurant(Restaurant shared) {
		restaurant = shared;
	}

	@Test
	void theRegistryListsEveryInstance() {
		await("three kitchen replicas").atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(restaurant.registryApp("kitchen-service").path("instance")).hasSize(3));
		assertThat(restaurant.registryApp("order-service").path("instance")).hasSize(1);
		assertThat(restaurant.registryApp("cashier-service").path("instance")).hasSize(1);
		assertThat(restaurant.registryApp("gateway").path("instance")).hasSize(1);
	}

	@Test
	void anOrderIsPlacedCookedServedBilledAndPaid() {
		Restaurant.Response menu = restaurant.get("/api/menu");
		assertThat(menu.status()).isEqualTo(200);
		assertThat(menu.header("X-Instance-Id")).isEqualTo("order-1");
		List<String> categories = new ArrayList<>();
		menu.json().forEach((item) -> categories.add(item.path("category").asString()));
		assertThat(categories).contains("STARTER", "MAIN", "DESSERT", "DRINK").hasSizeGreaterThanOrEqualTo(12);
		String main = firstOf(menu.json(), "MAIN");
		String drink = firstOf(menu.json(), "DRINK");

		Restaurant.Response placed = restaurant.post("/api/orders", """
				{"table": "T4", "items": [
				  {"menuItemId": "%s", "quantity": 2, "note": "one without basil"},
				  {"menuItemId": "%s", "quantity": 1}]}
				""".formatted(main, drink));
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		JsonNode order = placed.json();
		String orderId = order.path("id").asString();
		assertThat(placed.header("Location")).endsWith("/api/orders/" + orderId);
		assertThat(order.path("status").asString()).isEqualTo("PLACED");
		BigDecimal total = order.path("total").decimalValue();
		assertThat(total).isPositive();

		await("the kitchen to cook order " + orderId).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> status("/api/orders/" + orderId), "READY"::equals);

		JsonNode ticket = ticketFor(orderId);
		assertThat(ticket.path("status").asString()).isEqualTo("READY");
		assertThat(ticket.path("table").asString()).isEqualTo("T4");
		assertThat(ticket.path("preparedBy").asString()).startsWith("kitchen-");
		assertThat(ticket.path("items")).hasSize(2);

		Restaurant.Response served = restaurant.post("/api/orders/" + orderId + "/serve", "");
		assertThat(served.status()).as(served.body()).isEqualTo(200);
		assertThat(served.json().path("status").asString()).isEqualTo("SERVED");

		JsonNode bill = await("the cashier to open the bill").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> restaurant.get("/api/bills?orderId=" + orderId).json(), (bills) -> bills.size() == 1)
			.get(0);
		assertThat(bill.path("status").asString()).isEqualTo("OPEN");
		assertThat(bill.path("total").decimalValue()).isEqualByComparingTo(total);
		assertThat(bill.path("balanceDue").decimalValue()).isEqualByComparingTo(total);
		assertThat(bill.path("lines")).hasSize(2);

		String billId = bill.path("id").asString();
		Restaurant.Response paid = restaurant.post("/api/bills/" + billId + "/payments",
				"{\"method\": \"CARD\", \"amount\": %s, \"tip\": 2.00}".formatted(total.toPlainString()));
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		assertThat(paid.json().path("amount").decimalValue()).isEqualByComparingTo(total);

		assertThat(restaurant.get("/api/bills/" + billId).json().path("status").asString()).isEqualTo("PAID");
		await("the order to be marked paid").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> status("/api/orders/" + orderId), "PAID"::equals);
	}

	@Test
	void refusesBadInputAndUnknownPathsWithProblems() {
		Restaurant.Response bad = restaurant.post("/api/orders", "{\"table\": \"T1\", \"items\": []}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
		assertThat(bad.body()).contains("items");

		Restaurant.Response unknown = restaurant.get("/api/nowhere");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");

		assertThat(restaurant.post("/internal/orders/" + java.util.UUID.randomUUID() + "/paid", "{}").status())
			.isEqualTo(404);
	}

	private static String status(String path) {
		return restaurant.get(path).json().path("status").asString();
	}

	private static JsonNode ticketFor(String orderId) {
		for (JsonNode ticket : restaurant.get("/api/kitchen/tickets").json()) {
			if (ticket.path("orderId").asString().equals(orderId)) {
				return ticket;
			}
		}
		throw new AssertionError("no ticket for order " + orderId);
	}

	private static String firstOf(JsonNode menu, String category) {
		for (JsonNode item : menu) {
			if (item.path("category").asString().equals(category) && item.path("available").asBoolean()) {
				return item.path("id").asString();
			}
		}
		throw new AssertionError("no available " + category + " on the menu");
	}

}
