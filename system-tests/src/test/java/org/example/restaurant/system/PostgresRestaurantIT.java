package org.example.restaurant.system;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The restaurant on PostgreSQL, as in production: {@code ./restaurant up --postgres}
 * starts every service on its own fresh database (no H2 server), two kitchen replicas
 * share theirs. One whole order goes through the gateway, then a replica is killed in the
 * middle of cooking and the other one takes its tickets over.
 * <p>
 * Runs first ({@code @Order(1)}, see {@code junit-platform.properties}) and stops its
 * restaurant before the shared one of the other scenarios starts, so that the two never
 * run at once on a small machine.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresRestaurantIT {

	static PostgresDatabases databases;

	static Restaurant restaurant;

	@BeforeAll
	static void openTheRestaurantOnPostgres() {
		databases = PostgresDatabases.create();
		restaurant = databases.configure(new Restaurant(2, "-postgres"));
		try {
			restaurant.up();
		}
		catch (RuntimeException ex) {
			databases.close();
			throw ex;
		}
	}

	@AfterAll
	static void closeTheRestaurant() {
		try {
			if (restaurant != null) {
				restaurant.close();
			}
		}
		finally {
			if (databases != null) {
				databases.close();
			}
		}
	}

	@Test
	@Order(1)
	void runsOnPostgresWithoutAnH2Server() {
		assertThat(restaurant.launcher("status")).contains("database: postgres")
			.contains("kitchen-1")
			.contains("kitchen-2")
			.doesNotContain("kitchen-db");
		assertThat(Files.exists(restaurant.runDir().resolve("pids/kitchen-db.pid"))).isFalse();
		try (var files = Files.list(restaurant.runDir().resolve("data"))) {
			assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch((name) -> name.endsWith(".db"));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	@Order(2)
	void anOrderIsPlacedCookedServedBilledAndPaid() throws Exception {
		Restaurant.Response placed = restaurant.post("/api/orders", orderBody("P1"));
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		String orderId = placed.json().path("id").asString();
		BigDecimal total = placed.json().path("total").decimalValue();

		await("the kitchen to cook order " + orderId).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> orderStatus(orderId), "READY"::equals);
		Restaurant.Response served = restaurant.post("/api/orders/" + orderId + "/serve", "");
		assertThat(served.status()).as(served.body()).isEqualTo(200);

		JsonNode bill = await("the cashier to open the bill").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> restaurant.get("/api/bills?orderId=" + orderId).json(), (bills) -> bills.size() == 1)
			.get(0);
		assertThat(bill.path("total").decimalValue()).isEqualByComparingTo(total);
		String billId = bill.path("id").asString();
		Restaurant.Response paid = restaurant.post("/api/bills/" + billId + "/payments",
				"{\"method\": \"CASH\", \"amount\": %s, \"tendered\": 100.00}".formatted(total.toPlainString()));
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		await("the order to be marked paid").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> orderStatus(orderId), "PAID"::equals);

		// What the services answered is what PostgreSQL holds.
		UUID id = UUID.fromString(orderId);
		assertThat(databases.queryForString("orders", "select status from orders where id = ?", id)).isEqualTo("PAID");
		assertThat(databases.queryForString("kitchen", "select prepared_by from ticket where order_id = ?", id))
			.startsWith("kitchen-");
		assertThat(databases.queryForString("cashier", "select status from bill where order_id = ?", id))
			.isEqualTo("PAID");
	}

	@Test
	@Order(3)
	void aKilledReplicasTicketsAreTakenOverByTheOther() {
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Restaurant.Response placed = restaurant.post("/api/orders", orderBody("K" + i));
			assertThat(placed.status()).as(placed.body()).isEqualTo(201);
			orders.add(placed.json().path("id").asString());
		}
		String victim = await("a replica with tickets in its pans").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(restaurant::busiestKitchenReplica, (id) -> id != null);
		restaurant.kill(victim);
		List<String> held = restaurant.ticketsHeldBy(victim);
		System.out.println("kill -9 " + victim + " while it held tickets " + held);
		assertThat(held).as("tickets in the dead replica's pans").isNotEmpty();

		await("the other replica to take over " + victim + "'s tickets").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> restaurant.ticketsHeldBy(victim).isEmpty());
		await("every order to be ready").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> orders.stream().allMatch((id) -> "READY".equals(orderStatus(id))));
		for (String ticketId : held) {
			JsonNode ticket = restaurant.get("/api/kitchen/tickets/" + ticketId).json();
			assertThat(ticket.path("status").asString()).isEqualTo("READY");
			assertThat(ticket.path("preparedBy").asString()).isNotEqualTo(victim).startsWith("kitchen-");
		}
	}

	private static String orderStatus(String id) {
		return restaurant.get("/api/orders/" + id).json().path("status").asString();
	}

	private static String orderBody(String table) {
		return """
				{"table": "%s", "items": [{"menuItemId": "margherita", "quantity": 1},
				                          {"menuItemId": "lemonade", "quantity": 2}]}
				""".formatted(table);
	}

}
