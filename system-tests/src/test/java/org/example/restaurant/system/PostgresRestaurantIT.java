package org.example.restaurant.system;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.example.restaurant.system.Kitchen.Ticket;
import org.example.restaurant.system.Till.Bill;
import org.example.restaurant.system.Till.PaymentRequest;
import org.example.restaurant.system.Waiter.Line;
import org.example.restaurant.system.Waiter.PlacedOrder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The restaurant on PostgreSQL, as in production: {@code ./restaurant up --postgres}
 * starts every service on its own fresh database (no H2 server), two kitchen replicas
 * share theirs. There are no demo staff: the first manager, whose PIN the launcher gets
 * from {@code STAFF_FIRST_MANAGER_PIN}, signs in and adds a waiter, a cook and a cashier,
 * who then work the shift. One whole order goes through the gateway, then a replica is
 * killed in the middle of cooking and the other one takes its tickets over.
 * <p>
 * Runs first ({@code @Order(1)}, see {@code junit-platform.properties}) and stops its
 * restaurant before the shared one of the other scenarios starts, so that the two never
 * run at once on a small machine.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresRestaurantIT {

	private static final Line[] A_PIZZA_AND_TWO_LEMONADES = { Line.of("margherita", 1), Line.of("lemonade", 2) };

	/** The first manager's number: not a demo one, to tell them apart. */
	private static final String FIRST_MANAGER = "950";

	static PostgresDatabases databases;

	static Restaurant restaurant;

	@BeforeAll
	static void openTheRestaurantOnPostgres() {
		databases = PostgresDatabases.create();
		restaurant = databases.configure(new Restaurant(2, "-postgres"))
			.with("STAFF_FIRST_MANAGER_NUMBER", FIRST_MANAGER)
			.with("STAFF_FIRST_MANAGER_PIN", randomPin());
		try {
			restaurant.up();
		}
		catch (RuntimeException ex) {
			databases.close();
			throw ex;
		}
	}

	/**
	 * A PIN of this run's own: no PIN of the repository opens a PostgreSQL restaurant.
	 */
	private static String randomPin() {
		return String.valueOf(100000 + new SecureRandom().nextInt(900000));
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

	/**
	 * Only the first manager exists, with the PIN from the launcher's environment; the
	 * demo staff do not. The manager adds the people of the shift, who play their roles
	 * in the scenarios after this one.
	 */
	@Test
	@Order(2)
	void theFirstManagerSignsInAndAddsTheShiftsStaff() {
		assertThat(restaurant.post("/api/staff/login", "{\"staffNumber\": \"101\", \"pin\": \"1111\"}").status())
			.as("no demo staff on PostgreSQL")
			.isEqualTo(401);
		Staff first = restaurant.signIn(FIRST_MANAGER, restaurant.setting("STAFF_FIRST_MANAGER_PIN"));
		restaurant.staffAs(Staff.Role.MANAGER, first);
		Manager manager = restaurant.manager();
		assertThat(manager.staffList()).extracting(Manager.Member::staffNumber).containsExactly(FIRST_MANAGER);

		restaurant.staffAs(Staff.Role.WAITER, manager.add("111", "Walter", randomPin(), Staff.Role.WAITER))
			.staffAs(Staff.Role.COOK, manager.add("211", "Colette", randomPin(), Staff.Role.COOK))
			.staffAs(Staff.Role.CASHIER, manager.add("311", "Cyril", randomPin(), Staff.Role.CASHIER));
		assertThat(manager.staffList()).extracting(Manager.Member::staffNumber)
			.containsExactlyInAnyOrder(FIRST_MANAGER, "111", "211", "311");
	}

	@Test
	@Order(3)
	void anOrderIsPlacedCookedServedBilledAndPaid() throws Exception {
		Waiter waiter = restaurant.waiter();
		PlacedOrder placed = waiter.place("P1", A_PIZZA_AND_TWO_LEMONADES);
		String orderId = placed.id();
		BigDecimal total = placed.order().total();

		waiter.awaitStatus(orderId, "READY");
		waiter.serve(orderId);

		Till till = restaurant.till();
		Bill bill = till.awaitBillOf(orderId);
		assertThat(bill.total()).isEqualByComparingTo(total);
		till.pay(bill.id(), PaymentRequest.cash(total, new BigDecimal("100.00")));
		waiter.awaitStatus(orderId, "PAID", Duration.ofSeconds(30));

		// What the services answered is what PostgreSQL holds.
		UUID id = UUID.fromString(orderId);
		assertThat(databases.queryForString("orders", "select status from orders where id = ?", id)).isEqualTo("PAID");
		assertThat(databases.queryForString("kitchen", "select prepared_by from ticket where order_id = ?", id))
			.startsWith("kitchen-");
		assertThat(databases.queryForString("cashier", "select status from bill where order_id = ?", id))
			.isEqualTo("PAID");
		assertThat(placed.order().placedBy()).isEqualTo("111");
	}

	@Test
	@Order(4)
	void aKilledReplicasTicketsAreTakenOverByTheOther() {
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			orders.add(restaurant.waiter().place("K" + i, A_PIZZA_AND_TWO_LEMONADES).id());
		}
		Kitchen kitchen = restaurant.kitchen();
		String victim = await("a replica with tickets in its pans").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(kitchen::busiestReplica, (id) -> id != null);
		restaurant.kill(victim);
		List<String> held = kitchen.ticketsHeldBy(victim);
		System.out.println("kill -9 " + victim + " while it held tickets " + held);
		assertThat(held).as("tickets in the dead replica's pans").isNotEmpty();

		await("the other replica to take over " + victim + "'s tickets").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> kitchen.ticketsHeldBy(victim).isEmpty());
		restaurant.waiter().awaitEvery(orders, "READY", Duration.ofSeconds(90));
		for (String ticketId : held) {
			Ticket ticket = kitchen.ticket(ticketId);
			assertThat(ticket.status()).isEqualTo("READY");
			assertThat(ticket.preparedBy()).isNotEqualTo(victim).startsWith("kitchen-");
		}
	}

}
