package org.example.restaurant.system;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.example.restaurant.system.Till.Bill;
import org.example.restaurant.system.Till.PaymentRequest;
import org.example.restaurant.system.Waiter.Line;
import org.example.restaurant.system.Waiter.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's own port is no way round the gateway (docs/security.md): each service
 * checks the token again and guards each operation by role, and {@code /internal/**}
 * takes only a service token (client credentials) with the scope of its kind of message.
 * Every call here goes straight to the order-service, the cashier-service, the
 * staff-service (the ports the launcher was given) and a kitchen replica (its host and
 * port from the registry), never through the gateway.
 */
@SharedRestaurant
class OwnPortsIT {

	static Restaurant restaurant;

	@Test
	void theOrderServiceChecksTokensAndRolesOnItsOwnPort() {
		Door orders = Door.orderService(restaurant);
		// anyone
		assertAnswers(orders.get("/api/menu", null), 200);
		// any staff
		assertNotSignedIn(orders.get("/api/orders", null));
		assertAnswers(orders.get("/api/orders", token(Staff.Role.COOK)), 200);
		assertAnswers(orders.get("/api/orders", token(Staff.Role.CASHIER)), 200);
		// WAITER: an item no menu has, so that nothing is stored even when the role
		// passes
		String nothingToCook = Waiter.orderJson("T-own-port",
				Line.of("no-such-dish-" + UUID.randomUUID().toString().substring(0, 8), 1));
		assertNotSignedIn(orders.post("/api/orders", nothingToCook, null));
		assertNotAllowed(orders.post("/api/orders", nothingToCook, token(Staff.Role.COOK)));
		assertNotAllowed(orders.post("/api/orders", nothingToCook, token(Staff.Role.CASHIER)));
		Restaurant.Response waiterOrders = orders.post("/api/orders", nothingToCook, token(Staff.Role.WAITER));
		assertThat(waiterOrders.status()).as("past the role check, the business refuses: " + waiterOrders.describe())
			.isEqualTo(422);
		// MANAGER: an item that is on the menu is put on the menu again (nothing changes)
		String item = restaurant.waiter().firstAvailable("MAIN");
		String onTheMenu = "{\"available\": true}";
		assertNotSignedIn(orders.call("PATCH", "/api/menu/" + item, onTheMenu, null));
		assertNotAllowed(orders.call("PATCH", "/api/menu/" + item, onTheMenu, token(Staff.Role.WAITER)));
		assertNotAllowed(orders.call("PATCH", "/api/menu/" + item, onTheMenu, token(Staff.Role.COOK)));
		assertAnswers(orders.call("PATCH", "/api/menu/" + item, onTheMenu, token(Staff.Role.MANAGER)), 200);
		// a service token opens no /api call
		assertNotAllowed(orders.get("/api/orders", serviceToken("kitchen-service", "orders.progress")));
	}

	@Test
	void theCashierServiceChecksTokensAndRolesOnItsOwnPort() {
		Door cashier = Door.cashierService(restaurant);
		// WAITER, CASHIER
		assertNotSignedIn(cashier.get("/api/bills", null));
		assertNotAllowed(cashier.get("/api/bills", token(Staff.Role.COOK)));
		assertAnswers(cashier.get("/api/bills", token(Staff.Role.WAITER)), 200);
		assertAnswers(cashier.get("/api/bills", token(Staff.Role.CASHIER)), 200);
		assertAnswers(cashier.get("/api/bills", token(Staff.Role.MANAGER)), 200);
		// CASHIER
		String report = "/api/reports/daily?date=" + LocalDate.now(ZoneOffset.UTC);
		assertNotSignedIn(cashier.get(report, null));
		assertNotAllowed(cashier.get(report, token(Staff.Role.WAITER)));
		assertNotAllowed(cashier.get(report, token(Staff.Role.COOK)));
		assertAnswers(cashier.get(report, token(Staff.Role.CASHIER)), 200);
		assertAnswers(cashier.get(report, token(Staff.Role.MANAGER)), 200);
		String payments = Till.paymentsOf(UUID.randomUUID().toString());
		String onePound = PaymentRequest.card(new BigDecimal("1.00")).json();
		assertNotSignedIn(cashier.post(payments, onePound, null));
		assertNotAllowed(cashier.post(payments, onePound, token(Staff.Role.WAITER)));
		assertThat(cashier.post(payments, onePound, token(Staff.Role.CASHIER)).status())
			.as("past the role check: an unknown bill")
			.isEqualTo(404);
	}

	@Test
	void theStaffServiceChecksTokensAndRolesOnItsOwnPort() {
		Door staff = Door.staffService(restaurant);
		// anyone
		Restaurant.Response signIn = staff.post("/api/staff/login", "{\"staffNumber\": \"101\", \"pin\": \"1111\"}",
				null);
		assertAnswers(signIn, 200);
		assertThat(signIn.json().path("accessToken").asString()).isNotBlank();
		// any staff
		assertNotSignedIn(staff.get("/api/staff/me", null));
		assertAnswers(staff.get("/api/staff/me", token(Staff.Role.COOK)), 200);
		// MANAGER
		assertNotSignedIn(staff.get("/api/staff", null));
		assertNotAllowed(staff.get("/api/staff", token(Staff.Role.WAITER)));
		assertNotAllowed(staff.get("/api/staff", token(Staff.Role.CASHIER)));
		assertAnswers(staff.get("/api/staff", token(Staff.Role.MANAGER)), 200);
		String newcomer = "{\"staffNumber\": \"" + (7000000 + (int) (Math.random() * 999999))
				+ "\", \"name\": \"Nobody\", \"roles\": [\"MANAGER\"], \"pin\": \"12345678\"}";
		assertNotSignedIn(staff.post("/api/staff", newcomer, null));
		assertNotAllowed(staff.post("/api/staff", newcomer, token(Staff.Role.WAITER)));
		// a service token is no person
		assertNotAllowed(staff.get("/api/staff/me", serviceToken("order-service", "kitchen.tickets")));
	}

	@Test
	void aKitchenReplicaChecksTokensAndRolesOnItsOwnPort() {
		Door kitchen = Door.kitchenReplica(restaurant);
		// any staff
		assertNotSignedIn(kitchen.get("/api/kitchen/tickets", null));
		assertAnswers(kitchen.get("/api/kitchen/tickets", token(Staff.Role.WAITER)), 200);
		assertAnswers(kitchen.get("/api/kitchen/cluster", token(Staff.Role.CASHIER)), 200);
		// COOK: an unknown ticket, so that nothing changes
		String start = "/api/kitchen/tickets/" + UUID.randomUUID() + "/start";
		assertNotSignedIn(kitchen.post(start, "", null));
		assertNotAllowed(kitchen.post(start, "", token(Staff.Role.WAITER)));
		assertNotAllowed(kitchen.post(start, "", token(Staff.Role.CASHIER)));
		assertThat(kitchen.post(start, "", token(Staff.Role.COOK)).status()).as("past the role check: " + kitchen)
			.isEqualTo(404);
		assertThat(kitchen.post(start, "", token(Staff.Role.MANAGER)).status()).isEqualTo(404);
	}

	/**
	 * One whole order (placed, cooked, served, billed, paid), whose messages are then
	 * sent again to each receiver, straight to its port: without a token, with a staff
	 * token, with a real service token of another scope, and with the right one. Every
	 * message was delivered already, so the right scope changes nothing (the receivers
	 * are idempotent) and the wrong ones must not either.
	 */
	@Test
	void internalCallsTakeOnlyAServiceTokenWithTheirScope() {
		Order order = aPaidOrder();
		Door staff = Door.staffService(restaurant);
		String kitchenProgress = staff.serviceToken("kitchen-service", "orders.progress");
		String cashierPaid = staff.serviceToken("cashier-service", "orders.paid");
		String orderTickets = staff.serviceToken("order-service", "kitchen.tickets");
		String orderBills = staff.serviceToken("order-service", "bills.open");

		// order-service: the kitchen's news and the cashier's
		Door orders = Door.orderService(restaurant);
		String news = Restaurant.json.createObjectNode()
			.put("ticketId", UUID.randomUUID().toString())
			.put("preparedBy", "kitchen-service:kitchen-1")
			.put("at", Instant.now().toString())
			.toString();
		String ready = "/internal/orders/" + order.id() + "/ready";
		assertRefusedToAllButTheScope(orders, ready, news, List.of(cashierPaid, orderTickets, orderBills));
		assertThat(orders.post(ready, news, kitchenProgress).status()).as("ready again, with orders.progress")
			.isEqualTo(204);
		assertThat(orders.post("/internal/orders/" + UUID.randomUUID() + "/preparing", news, kitchenProgress).status())
			.as("an unknown order, with orders.progress")
			.isEqualTo(404);
		String paid = "/internal/orders/" + order.id() + "/paid";
		String paidNews = Restaurant.json.createObjectNode()
			.put("billId", restaurant.till().awaitBillOf(order.id()).id())
			.put("at", Instant.now().toString())
			.toString();
		assertRefusedToAllButTheScope(orders, paid, paidNews, List.of(kitchenProgress, orderTickets, orderBills));
		assertThat(orders.post(paid, paidNews, cashierPaid).status()).as("paid again, with orders.paid").isEqualTo(204);

		// kitchen-service: the order-service's tickets
		Door kitchen = Door.kitchenReplica(restaurant);
		ObjectNode ticket = Restaurant.json.createObjectNode()
			.put("orderId", order.id())
			.put("table", order.table())
			.put("placedAt", order.createdAt().toString());
		for (Waiter.Order.OrderLine line : order.items()) {
			ticket.withArray("items")
				.addObject()
				.put("name", line.name())
				.put("quantity", line.quantity())
				.put("prepSeconds", 1);
		}
		assertRefusedToAllButTheScope(kitchen, "/internal/tickets", ticket.toString(),
				List.of(orderBills, kitchenProgress, cashierPaid));
		Restaurant.Response again = kitchen.post("/internal/tickets", ticket.toString(), orderTickets);
		assertThat(again.status()).as("the ticket again, with kitchen.tickets: " + again.describe()).isEqualTo(200);
		assertThat(again.json().path("status").asString()).isEqualTo("READY");
		String cancel = "/internal/tickets/by-order/" + order.id() + "/cancel";
		assertRefusedToAllButTheScope(kitchen, cancel, null, List.of(orderBills, kitchenProgress, cashierPaid));
		assertThat(kitchen.post(cancel, null, orderTickets).status()).as("a cooked order, with kitchen.tickets")
			.isEqualTo(409);

		// cashier-service: the order-service's bills
		Door cashier = Door.cashierService(restaurant);
		ObjectNode bill = Restaurant.json.createObjectNode().put("orderId", order.id()).put("table", order.table());
		for (Waiter.Order.OrderLine line : order.items()) {
			bill.withArray("lines")
				.addObject()
				.put("name", line.name())
				.put("quantity", line.quantity())
				.put("unitPrice", line.unitPrice());
		}
		assertRefusedToAllButTheScope(cashier, "/internal/bills", bill.toString(),
				List.of(orderTickets, kitchenProgress, cashierPaid));
		Restaurant.Response billAgain = cashier.post("/internal/bills", bill.toString(), orderBills);
		assertThat(billAgain.status()).as("the bill again, with bills.open: " + billAgain.describe()).isEqualTo(200);
		assertThat(billAgain.json().path("status").asString()).isEqualTo("PAID");

		// nothing changed
		assertThat(restaurant.waiter().order(order.id()).status()).isEqualTo("PAID");
		assertThat(restaurant.kitchen().ticketOf(order.id()).status()).isEqualTo("READY");
		assertThat(restaurant.till().billsOf(order.id())).singleElement()
			.satisfies((only) -> assertThat(only.status()).isEqualTo("PAID"));
	}

	/**
	 * The gateway never routes {@code /internal/**}, whatever the token: it answers 404
	 * before it looks at one.
	 */
	@Test
	void theGatewayRoutesNoInternalCall() {
		Order order = restaurant.waiter().orders().stream().findFirst().orElse(null);
		String orderId = (order != null) ? order.id() : UUID.randomUUID().toString();
		String news = "{\"ticketId\": \"" + UUID.randomUUID() + "\", \"preparedBy\": \"kitchen-service:kitchen-1\","
				+ " \"at\": \"" + Instant.now() + "\"}";
		Door gateway = Door.gateway(restaurant);
		String path = "/internal/orders/" + orderId + "/ready";
		String serviceToken = Door.staffService(restaurant).serviceToken("kitchen-service", "orders.progress");
		for (String token : Arrays.asList(null, serviceToken, token(Staff.Role.MANAGER))) {
			Restaurant.Response answer = gateway.post(path, news, token);
			assertThat(answer.status()).as("no route serves it: " + answer.describe()).isEqualTo(404);
			assertThat(answer.problem().title()).isEqualTo("Not found");
		}
		if (order != null) {
			assertThat(restaurant.waiter().order(orderId).status()).isEqualTo(order.status());
		}
	}

	/**
	 * The client credentials grant gives a service only the scopes it holds, and only
	 * with its own secret.
	 */
	@Test
	void aServiceGetsOnlyItsOwnScopesWithItsOwnSecret() {
		Door staff = Door.staffService(restaurant);
		Restaurant.Response foreignScope = staff.clientCredentials("cashier-service", "kitchen.tickets");
		assertThat(foreignScope.status()).as(foreignScope.describe()).isEqualTo(400);
		assertThat(foreignScope.json().path("error").asString()).isEqualTo("invalid_scope");
		Restaurant.Response wrongSecret = staff.clientCredentials("order-service",
				restaurant.clientSecret("kitchen-service"), "bills.open");
		assertThat(wrongSecret.status()).as(wrongSecret.describe()).isEqualTo(401);
		String token = staff.serviceToken("order-service", "bills.open");
		assertThat(HandMadeTokens.claims(token).path("sub").asString()).isEqualTo("order-service");
		assertThat(HandMadeTokens.claims(token).has("roles")).isFalse();
	}

	/**
	 * Without a token 401, with a staff token (the manager's, who may do everything staff
	 * may) 403, with the service tokens of other scopes 403.
	 */
	private static void assertRefusedToAllButTheScope(Door door, String path, String body, List<String> wrongScopes) {
		assertNotSignedIn(door.post(path, body, null));
		assertNotAllowed(door.post(path, body, token(Staff.Role.MANAGER)));
		assertNotAllowed(door.post(path, body, token(Staff.Role.WAITER)));
		for (String wrong : wrongScopes) {
			Restaurant.Response refused = door.post(path, body, wrong);
			assertThat(refused.status())
				.as(door + " " + path + " with scope " + HandMadeTokens.claims(wrong).path("scope") + ": "
						+ refused.describe())
				.isEqualTo(403);
			assertThat(refused.problem().title()).isEqualTo("Not allowed");
		}
	}

	/** A whole order, cooked, served, billed and paid: at rest. */
	private static Order aPaidOrder() {
		Waiter waiter = restaurant.waiter();
		String table = "I" + UUID.randomUUID().toString().substring(0, 8);
		Order placed = waiter.place(table, Line.of("soup-of-the-day", 1), Line.of("house-red", 1)).order();
		waiter.awaitStatus(placed.id(), "READY");
		waiter.serve(placed.id());
		Bill bill = restaurant.till().awaitBillOf(placed.id());
		restaurant.till().pay(bill.id(), PaymentRequest.card(bill.balanceDue()));
		return waiter.awaitStatus(placed.id(), "PAID");
	}

	private static String token(Staff.Role role) {
		return Door.freshToken(restaurant.as(role));
	}

	/** A real service token (client credentials) of one scope. */
	private static String serviceToken(String client, String scope) {
		return Door.staffService(restaurant).serviceToken(client, scope);
	}

	static void assertAnswers(Restaurant.Response response, int status) {
		assertThat(response.status()).as(response.describe()).isEqualTo(status);
	}

	/** 401 problem {@code Not signed in}, {@code WWW-Authenticate: Bearer}. */
	static void assertNotSignedIn(Restaurant.Response response) {
		assertThat(response.status()).as(response.describe()).isEqualTo(401);
		assertThat(response.header("Content-Type")).as(response.describe()).startsWith("application/problem+json");
		assertThat(response.problem().title()).isEqualTo("Not signed in");
		assertThat(response.header("WWW-Authenticate")).as(response.headers().toString()).startsWith("Bearer");
	}

	/** 403 problem {@code Not allowed}. */
	static void assertNotAllowed(Restaurant.Response response) {
		assertThat(response.status()).as(response.describe()).isEqualTo(403);
		assertThat(response.header("Content-Type")).as(response.describe()).startsWith("application/problem+json");
		assertThat(response.problem().title()).isEqualTo("Not allowed");
	}

}
