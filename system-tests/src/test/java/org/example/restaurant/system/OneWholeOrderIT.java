package org.example.restaurant.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import org.example.restaurant.system.Kitchen.Ticket;
import org.example.restaurant.system.Till.Bill;
import org.example.restaurant.system.Till.Payment;
import org.example.restaurant.system.Till.PaymentRequest;
import org.example.restaurant.system.Waiter.Line;
import org.example.restaurant.system.Waiter.MenuItem;
import org.example.restaurant.system.Waiter.PlacedOrder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One shift in miniature, against the real jars started by {@code ./restaurant up}: a
 * waiter signs in and places an order through the gateway, a kitchen replica cooks it,
 * the waiter serves it, the cashier signs in, bills it and takes the money; the order
 * names the waiter and the payment the cashier.
 */
@SharedRestaurant
class OneWholeOrderIT {

	static Restaurant restaurant;

	@Test
	void theRegistryListsEveryInstance() {
		await("three kitchen replicas").atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(restaurant.registryApp("kitchen-service").path("instance")).hasSize(3));
		assertThat(restaurant.registryApp("order-service").path("instance")).hasSize(1);
		assertThat(restaurant.registryApp("cashier-service").path("instance")).hasSize(1);
		assertThat(restaurant.registryApp("gateway").path("instance")).hasSize(1);
		assertThat(restaurant.registryApp("staff-service").path("instance")).hasSize(1);
	}

	@Test
	void anOrderIsPlacedCookedServedBilledAndPaid() {
		Restaurant.Response menu = restaurant.get("/api/menu");
		assertThat(menu.status()).isEqualTo(200);
		assertThat(menu.header("X-Instance-Id")).isEqualTo("order-1");
		assertThat(menu.asListOf(MenuItem.class)).extracting(MenuItem::category)
			.contains("STARTER", "MAIN", "DESSERT", "DRINK")
			.hasSizeGreaterThanOrEqualTo(12);
		Waiter waiter = restaurant.waiter();
		String main = waiter.firstAvailable("MAIN");
		String drink = waiter.firstAvailable("DRINK");

		PlacedOrder placed = waiter.place("T4", Line.of(main, 2).withNote("one without basil"), Line.of(drink, 1));
		String orderId = placed.id();
		assertThat(placed.location()).endsWith("/api/orders/" + orderId);
		assertThat(placed.order().status()).isEqualTo("PLACED");
		assertThat(placed.order().placedBy()).as("the waiter who placed it").isEqualTo(waiter.staff().number());
		BigDecimal total = placed.order().total();
		assertThat(total).isPositive();

		waiter.awaitStatus(orderId, "READY");

		Ticket ticket = restaurant.kitchen().ticketOf(orderId);
		assertThat(ticket.status()).isEqualTo("READY");
		assertThat(ticket.table()).isEqualTo("T4");
		assertThat(ticket.preparedBy()).startsWith("kitchen-");
		assertThat(ticket.items()).hasSize(2);

		assertThat(waiter.serve(orderId).status()).isEqualTo("SERVED");

		Till till = restaurant.till();
		Bill bill = till.awaitBillOf(orderId);
		assertThat(bill.status()).isEqualTo("OPEN");
		assertThat(bill.total()).isEqualByComparingTo(total);
		assertThat(bill.balanceDue()).isEqualByComparingTo(total);
		assertThat(bill.lines()).hasSize(2);

		Payment paid = till.pay(bill.id(), PaymentRequest.card(total).withTip("2.00"));
		assertThat(paid.amount()).isEqualByComparingTo(total);
		assertThat(paid.takenBy()).as("the cashier who took it").isEqualTo(till.staff().number());

		assertThat(till.bill(bill.id()).status()).isEqualTo("PAID");
		waiter.awaitStatus(orderId, "PAID", Duration.ofSeconds(30));
	}

	@Test
	void refusesBadInputAndUnknownPathsWithProblems() {
		Restaurant.Response bad = restaurant.waiter().tryPlace("T1");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
		assertThat(bad.body()).contains("items");

		// Signed in (as the manager, who passes every role check): what answers is the
		// routing, not the token check.
		Staff manager = restaurant.as(Staff.Role.MANAGER);
		Restaurant.Response unknown = restaurant.get("/api/nowhere", manager);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");

		assertThat(restaurant.post("/internal/orders/" + UUID.randomUUID() + "/paid", "{}", manager).status())
			.isEqualTo(404);
	}

}
