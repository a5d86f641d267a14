package org.example.restaurant.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.example.restaurant.system.Kitchen.Ticket;
import org.example.restaurant.system.Restaurant.Problem;
import org.example.restaurant.system.Restaurant.Problem.FieldError;
import org.example.restaurant.system.Till.Bill;
import org.example.restaurant.system.Waiter.Line;
import org.example.restaurant.system.Waiter.Order;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every kind, sent through the gateway of the real restaurant to every
 * service: malformed JSON, wrong types, missing and out-of-range fields, unknown ids, ids
 * that are not UUIDs, bad query parameters, wrong content types, bodies over the
 * gateway's 64 KB limit, and paths the gateway does not route, each sent by the member of
 * staff who may make that call (the menu's changes by the manager, orders by the waiter,
 * the kitchen's by the cook, bills and payments by the cashier; what the API does not
 * list by the manager, who passes every role check). Each is answered with a 4xx
 * {@code application/problem+json} that names the field at fault, and none of them
 * changes anything: the menu, the orders, the tickets and the bills read the same after
 * every case as before the first.
 */
@SharedRestaurant
class BadInputIT {

	/** Just over the gateway's 64 KB limit on request bodies. */
	private static final int OVERSIZED = 64 * 1024 + 512;

	private static final String JSON = "application/json";

	private static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

	static Restaurant restaurant;

	/** A menu item that exists. */
	static String item;

	/** A served order, with its ticket (READY) and its bill (OPEN, nothing paid). */
	static String order;

	static String ticket;

	static String bill;

	static Snapshot before;

	@BeforeAll
	static void serveOneOrderSoThatABillIsOpen() {
		Waiter waiter = restaurant.waiter();
		item = waiter.firstAvailable("MAIN");
		order = waiter.place("T9", Line.of(item, 1), Line.of(waiter.firstAvailable("DRINK"), 2)).id();
		waiter.awaitStatus(order, "READY");
		waiter.serve(order);
		bill = restaurant.till().awaitBillOf(order).id();
		ticket = restaurant.kitchen().awaitTicketOf(order).id();
		before = Snapshot.take();
	}

	@AfterAll
	static void nothingChangedOverTheWholeSuite() {
		assertThat(Snapshot.take()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void badInputIsAProblemThatNamesTheFieldAndChangesNothing(Case bad) {
		Restaurant.Response response = sendChangingNothing(bad);
		String answer = response.status() + " " + response.header("Content-Type") + " " + response.body();
		assertThat(response.status()).as(answer).isEqualTo(bad.status());
		assertThat(response.header("Content-Type")).as(answer).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("status").asInt()).as(answer).isEqualTo(bad.status());
		assertThat(problem.path("title").asString()).as(answer).isNotBlank();
		if (bad.field() != null) {
			// a field, or the last step of a path to one, e.g. items[0].quantity
			assertThat(response.body()).as(answer)
				.containsAnyOf("'" + bad.field() + "'", "\"" + bad.field() + "\"", "." + bad.field() + "'",
						"." + bad.field() + "\"");
		}
	}

	/**
	 * The one error model of the restaurant: every service, asked through the gateway,
	 * answers the same kinds of bad input (a body that is no JSON, a field of the wrong
	 * type, a missing field, a path id that is no UUID) alike: 400
	 * {@code application/problem+json} titled "Invalid request", with a detail, the
	 * request's path as {@code instance}, and the fields at fault in {@code errors}.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("theSameBadInputForEveryService")
	void everyServiceAnswersBadInputInTheOneShape(Case bad) {
		Restaurant.Response response = sendChangingNothing(bad);
		String answer = bad + ": " + response.describe();
		assertThat(response.status()).as(answer).isEqualTo(400);
		assertThat(response.header("Content-Type")).as(answer).startsWith("application/problem+json");
		Problem problem = response.problem();
		// every difference from the one shape at once, not only the first
		SoftAssertions.assertSoftly((softly) -> {
			softly.assertThat(problem.status()).as(answer).isEqualTo(400);
			softly.assertThat(problem.title()).as(answer).isEqualTo("Invalid request");
			softly.assertThat(problem.detail()).as(answer).isNotBlank();
			softly.assertThat(problem.instance()).as(answer).isEqualTo(URI.create(resolve(bad.path())).getPath());
			softly.assertThat(problem.errors()).as(answer).isNotEmpty().allSatisfy((error) -> {
				assertThat(error.field()).as(answer).isNotNull();
				assertThat(error.message()).as(answer).isNotBlank();
			});
			if (bad.field() != null && problem.errors() != null) {
				// the field, or the last step of a path to it, e.g. items[0].quantity
				softly.assertThat(problem.errors())
					.as(answer)
					.extracting(FieldError::field)
					.anyMatch((field) -> bad.field().equals(field)
							|| (field != null && field.endsWith("." + bad.field())));
			}
		});
	}

	/**
	 * Sends a case as the member of staff who may make that call, and asserts that it
	 * changed nothing.
	 */
	private static Restaurant.Response sendChangingNothing(Case bad) {
		Snapshot earlier = Snapshot.take();
		String path = resolve(bad.path());
		Restaurant.Response response = restaurant.send(bad.method(), path, bad.contentType(),
				(bad.body() != null) ? resolve(bad.body()) : null, restaurant.whoCalls(bad.method(), path));
		assertThat(Snapshot.take()).as("nothing changed after: " + bad).isEqualTo(earlier);
		return response;
	}

	static Stream<Case> theSameBadInputForEveryService() {
		String line = "{\"menuItemId\": \"{item}\", \"quantity\": 1}";
		String payments = "/api/bills/{bill}/payments";
		String card = "{\"method\": \"CARD\", \"amount\": 1.00}";
		return Stream.of(
				// the order-service
				post("orders: malformed JSON", "/api/orders", "{\"table\": \"T1\", \"items\": [", 400, null),
				post("orders: quantity is a word", "/api/orders", order(line.replace("1}", "\"two\"}")), 400,
						"quantity"),
				post("orders: missing table", "/api/orders", "{\"items\": [" + line + "]}", 400, "table"),
				get("orders: id that is not a UUID", "/api/orders/not-a-uuid", 400, "id"),
				post("orders: serve an id that is not a UUID", "/api/orders/not-a-uuid/serve", "", 400, "id"),
				// the kitchen-service
				post("kitchen: start a ticket id that is not a UUID", "/api/kitchen/tickets/not-a-uuid/start", "", 400,
						"id"),
				post("kitchen: ready a ticket id that is not a UUID", "/api/kitchen/tickets/not-a-uuid/ready", "", 400,
						"id"),
				get("kitchen: status is no ticket status", "/api/kitchen/tickets?status=BOGUS", 400, "status"),
				// the cashier-service
				post("payments: malformed JSON", payments, "{\"method\": \"CARD\", \"amount\": ", 400, null),
				post("payments: amount is a word", payments, card.replace("1.00", "\"ten\""), 400, "amount"),
				post("payments: missing amount", payments, "{\"method\": \"CARD\"}", 400, "amount"),
				post("payments: bill id that is not a UUID", "/api/bills/not-a-uuid/payments", card, 400, "id"));
	}

	static Stream<Case> badRequests() {
		List<Case> cases = new ArrayList<>();

		// the menu
		String dish = "{\"id\": \"soup-of-the-day\", \"name\": \"Soup\", \"category\": \"STARTER\", \"price\": 6.50, \"prepSeconds\": 300}";
		cases.add(post("menu: malformed JSON", "/api/menu", "{\"id\": \"soup-of-the-day\", \"name\": ", 400, null));
		cases.add(post("menu: missing name", "/api/menu", without(dish, "name"), 400, "name"));
		cases.add(post("menu: price is a word", "/api/menu", dish.replace("6.50", "\"cheap\""), 400, "price"));
		cases.add(post("menu: negative price", "/api/menu", dish.replace("6.50", "-1.00"), 400, "price"));
		cases.add(post("menu: price with three decimals", "/api/menu", dish.replace("6.50", "6.505"), 400, "price"));
		cases.add(post("menu: unknown category", "/api/menu", dish.replace("STARTER", "SOUP"), 400, "category"));
		cases.add(post("menu: zero prep seconds", "/api/menu", dish.replace("300", "0"), 400, "prepSeconds"));
		cases.add(post("menu: prep seconds over two hours", "/api/menu", dish.replace("300", "7201"), 400,
				"prepSeconds"));
		cases.add(post("menu: id that is not a slug", "/api/menu", dish.replace("soup-of-the-day", "Soup Of The Day"),
				400, "id"));
		cases.add(post("menu: id that exists", "/api/menu", dish.replace("soup-of-the-day", "{item}"), 409, null));
		cases.add(new Case("menu: plain text", "POST", "/api/menu", "text/plain", dish, 415, null));
		String revision = "{\"name\": \"Renamed\", \"category\": \"MAIN\", \"price\": 12.00, \"prepSeconds\": 600}";
		cases.add(new Case("menu revision: missing price", "PUT", "/api/menu/{item}", JSON, without(revision, "price"),
				400, "price"));
		cases.add(new Case("menu revision: prep seconds is a word", "PUT", "/api/menu/{item}", JSON,
				revision.replace("600", "\"slow\""), 400, "prepSeconds"));
		cases.add(new Case("menu revision: unknown item", "PUT", "/api/menu/no-such-dish", JSON, revision, 404, null));
		cases.add(new Case("menu availability: not a boolean", "PATCH", "/api/menu/{item}", JSON,
				"{\"available\": \"maybe\"}", 400, "available"));
		cases.add(new Case("menu availability: missing", "PATCH", "/api/menu/{item}", JSON, "{}", 400, "available"));
		cases.add(new Case("menu availability: unknown item", "PATCH", "/api/menu/no-such-dish", JSON,
				"{\"available\": false}", 404, null));
		cases.add(post("menu: name of 81 characters", "/api/menu", dish.replace("Soup", "s".repeat(81)), 400, "name"));
		cases.add(post("menu: price of 10000.00", "/api/menu", dish.replace("6.50", "10000.00"), 400, "price"));
		cases.add(post("menu: body is JSON null", "/api/menu", "null", 400, null));
		cases.add(post("menu: trailing garbage after the JSON", "/api/menu", dish + " x", 400, null));
		cases.add(post("menu: category is a number", "/api/menu", dish.replace("\"STARTER\"", "1"), 400, "category"));
		cases.add(post("menu: prep seconds with a fraction", "/api/menu", dish.replace("300", "300.7"), 400,
				"prepSeconds"));
		cases.add(new Case("menu availability: a number", "PATCH", "/api/menu/{item}", JSON, "{\"available\": 0}", 400,
				"available"));
		cases.add(get("menu: unknown item", "/api/menu/no-such-dish", 404, null));
		cases.add(get("menu: available is not a boolean", "/api/menu?available=perhaps", 400, "available"));

		// orders
		String line = "{\"menuItemId\": \"{item}\", \"quantity\": 1}";
		cases.add(post("order: malformed JSON", "/api/orders", "{\"table\": \"T1\", \"items\": [", 400, null));
		cases.add(post("order: empty body", "/api/orders", "", 400, null));
		cases.add(post("order: no items", "/api/orders", "{\"table\": \"T1\", \"items\": []}", 400, "items"));
		cases.add(post("order: missing table", "/api/orders", "{\"items\": [" + line + "]}", 400, "table"));
		cases.add(post("order: table of 17 characters", "/api/orders",
				"{\"table\": \"T2345678901234567\", \"items\": [" + line + "]}", 400, "table"));
		cases.add(post("order: quantity zero", "/api/orders", order(line.replace("1}", "0}")), 400, "quantity"));
		cases.add(post("order: quantity 100", "/api/orders", order(line.replace("1}", "100}")), 400, "quantity"));
		cases.add(post("order: quantity is a word", "/api/orders", order(line.replace("1}", "\"two\"}")), 400,
				"quantity"));
		cases.add(post("order: quantity with a fraction", "/api/orders", order(line.replace("1}", "2.5}")), 400,
				"quantity"));
		cases.add(post("order: note of 201 characters", "/api/orders",
				order(line.replace("1}", "1, \"note\": \"" + "n".repeat(201) + "\"}")), 400, "note"));
		cases.add(post("order: 51 lines", "/api/orders",
				"{\"table\": \"T1\", \"items\": [" + String.join(", ", java.util.Collections.nCopies(51, line)) + "]}",
				400, "items"));
		cases.add(post("order: items is an object", "/api/orders", "{\"table\": \"T1\", \"items\": " + line + "}", 400,
				"items"));
		cases.add(post("order: line without menu item", "/api/orders", order("{\"quantity\": 1}"), 400, "menuItemId"));
		cases.add(new Case("order: without content type", "POST", "/api/orders", null, order(line), 415, null));
		cases.add(new Case("orders: DELETE is not allowed", "DELETE", "/api/orders", null, null, 405, null));
		cases.add(new Case("order: PUT is not allowed", "PUT", "/api/orders/{order}", JSON, order(line), 405, null));
		cases.add(post("order: unknown menu item", "/api/orders", order(line.replace("{item}", "no-such-dish")), 422,
				null));
		cases.add(new Case("order: plain text", "POST", "/api/orders", "text/plain", order(line), 415, null));
		cases.add(new Case("order: XML", "POST", "/api/orders", "application/xml", "<order><table>T1</table></order>",
				415, null));
		cases.add(get("order: id that is not a UUID", "/api/orders/not-a-uuid", 400, "id"));
		cases.add(get("order: unknown id", "/api/orders/" + UNKNOWN, 404, null));
		cases.add(get("orders: unknown status", "/api/orders?status=BOGUS", 400, "status"));
		cases.add(post("order serve: id that is not a UUID", "/api/orders/not-a-uuid/serve", "", 400, "id"));
		cases.add(post("order serve: unknown id", "/api/orders/" + UNKNOWN + "/serve", "", 404, null));
		cases.add(post("order cancel: unknown id", "/api/orders/" + UNKNOWN + "/cancel", "", 404, null));
		cases.add(post("order serve: served already", "/api/orders/{order}/serve", "", 409, null));
		cases.add(post("order cancel: served already", "/api/orders/{order}/cancel", "", 409, null));

		// the kitchen
		cases.add(get("ticket: id that is not a UUID", "/api/kitchen/tickets/not-a-uuid", 400, "id"));
		cases.add(get("ticket: unknown id", "/api/kitchen/tickets/" + UNKNOWN, 404, null));
		cases.add(post("ticket start: unknown id", "/api/kitchen/tickets/" + UNKNOWN + "/start", "", 404, null));
		cases.add(post("ticket ready: unknown id", "/api/kitchen/tickets/" + UNKNOWN + "/ready", "", 404, null));
		cases.add(post("ticket ready: id that is not a UUID", "/api/kitchen/tickets/not-a-uuid/ready", "", 400, "id"));
		cases.add(post("ticket start: ready already", "/api/kitchen/tickets/{ticket}/start", "", 409, null));
		cases.add(post("tickets: no public way to create one", "/api/kitchen/tickets", "{}", 405, null));
		cases.add(get("tickets: unknown status", "/api/kitchen/tickets?status=BOGUS", 400, "status"));

		// bills and payments
		String payments = "/api/bills/{bill}/payments";
		cases.add(post("payment: malformed JSON", payments, "{\"method\": \"CARD\", \"amount\": ", 400, null));
		cases.add(post("payment: body is an array", payments, "[{\"method\": \"CARD\", \"amount\": 1.00}]", 400, null));
		cases.add(post("payment: amount is a word", payments, "{\"method\": \"CARD\", \"amount\": \"ten\"}", 400,
				"amount"));
		cases.add(
				post("payment: negative amount", payments, "{\"method\": \"CARD\", \"amount\": -5.00}", 400, "amount"));
		cases.add(post("payment: zero amount", payments, "{\"method\": \"CARD\", \"amount\": 0}", 400, "amount"));
		cases.add(post("payment: method is a number", payments, "{\"method\": 1, \"amount\": 1.00}", 400, "method"));
		cases.add(post("payment: cash tendered below amount plus tip", payments,
				"{\"method\": \"CASH\", \"amount\": 5.00, \"tip\": 1.00, \"tendered\": 5.50}", 422, "tendered"));
		cases.add(post("payment: amount with three decimals", payments, "{\"method\": \"CARD\", \"amount\": 1.005}",
				400, "amount"));
		cases.add(post("payment: missing amount", payments, "{\"method\": \"CARD\"}", 400, "amount"));
		cases.add(post("payment: missing method", payments, "{\"amount\": 1.00}", 400, "method"));
		cases.add(post("payment: unknown method", payments, "{\"method\": \"BITCOIN\", \"amount\": 1.00}", 400,
				"method"));
		cases.add(post("payment: tip is a word", payments,
				"{\"method\": \"CARD\", \"amount\": 1.00, \"tip\": \"lots\"}", 400, "tip"));
		cases.add(post("payment: negative tip", payments, "{\"method\": \"CARD\", \"amount\": 1.00, \"tip\": -1.00}",
				400, "tip"));
		cases.add(post("payment: tendered with three decimals", payments,
				"{\"method\": \"CASH\", \"amount\": 1.00, \"tendered\": 5.005}", 400, "tendered"));
		cases.add(post("payment: tendered with a card", payments,
				"{\"method\": \"CARD\", \"amount\": 1.00, \"tendered\": 5.00}", 400, "tendered"));
		cases.add(
				post("payment: more than is due", payments, "{\"method\": \"CARD\", \"amount\": 99999.00}", 422, null));
		cases.add(new Case("payment: plain text", "POST", payments, "text/plain",
				"{\"method\": \"CARD\", \"amount\": 1.00}", 415, null));
		cases.add(post("payment: unknown bill", "/api/bills/" + UNKNOWN + "/payments",
				"{\"method\": \"CARD\", \"amount\": 1.00}", 404, null));
		cases.add(post("payment: bill id that is not a UUID", "/api/bills/not-a-uuid/payments",
				"{\"method\": \"CARD\", \"amount\": 1.00}", 400, "id"));
		cases.add(get("bill: id that is not a UUID", "/api/bills/not-a-uuid", 400, "id"));
		cases.add(get("bill: unknown id", "/api/bills/" + UNKNOWN, 404, null));
		cases.add(get("bill receipt: unknown id", "/api/bills/" + UNKNOWN + "/receipt", 404, null));
		cases.add(get("bills: unknown status", "/api/bills?status=BOGUS", 400, "status"));
		cases.add(get("bills: order id that is not a UUID", "/api/bills?orderId=nope", 400, "orderId"));

		// reports
		cases.add(get("daily report: impossible date", "/api/reports/daily?date=2026-13-45", 400, "date"));
		cases.add(get("daily report: date not ISO", "/api/reports/daily?date=25/11/2026", 400, "date"));
		cases.add(get("daily report: no date", "/api/reports/daily", 400, "date"));

		// the gateway
		cases.add(get("gateway: unknown path", "/api/nowhere", 404, null));
		cases.add(get("gateway: internal tickets are not routed", "/internal/tickets", 404, null));
		cases.add(post("gateway: internal order paid is not routed", "/internal/orders/" + UNKNOWN + "/paid", "{}", 404,
				null));
		cases.add(post("gateway: order over 64 KB", "/api/orders",
				order(line.replace("1}", "1, \"note\": \"" + "n".repeat(OVERSIZED) + "\"}")), 413, null));
		cases.add(post("gateway: menu item over 64 KB", "/api/menu", dish.replace("Soup", "s".repeat(OVERSIZED)), 413,
				null));
		cases.add(post("gateway: payment over 64 KB", payments,
				"{\"method\": \"CARD\", \"amount\": 1.00, \"x\": \"" + "x".repeat(OVERSIZED) + "\"}", 413, null));
		return cases.stream();
	}

	private static Case get(String name, String path, int status, String field) {
		return new Case(name, "GET", path, null, null, status, field);
	}

	private static Case post(String name, String path, String body, int status, String field) {
		return new Case(name, "POST", path, JSON, body, status, field);
	}

	private static String order(String line) {
		return "{\"table\": \"T1\", \"items\": [" + line + "]}";
	}

	/** The JSON object without one of its fields. */
	private static String without(String json, String field) {
		return json.replaceAll("\"" + field + "\": [^,}]+, ?", "");
	}

	private static String resolve(String text) {
		return text.replace("{item}", item)
			.replace("{order}", order)
			.replace("{ticket}", ticket)
			.replace("{bill}", bill);
	}

	/**
	 * One bad request: what is sent, the status expected, and the field the problem must
	 * name ({@code null} when none is at fault, e.g. an unknown id).
	 */
	record Case(String name, String method, String path, String contentType, String body, int status, String field) {

		@Override
		public String toString() {
			return this.name + " (" + this.method + " " + this.path + " -> " + this.status + ")";
		}

	}

	/**
	 * What every service holds: the menu, and every order, ticket and bill with its
	 * state.
	 */
	record Snapshot(String menu, List<String> orders, List<String> tickets, List<String> bills) {

		static Snapshot take() {
			List<String> orders = new ArrayList<>();
			for (Order order : restaurant.waiter().orders()) {
				orders.add(order.id() + " " + order.status() + " " + order.updatedAt());
			}
			List<String> tickets = new ArrayList<>();
			for (Ticket ticket : restaurant.kitchen().tickets()) {
				tickets.add(ticket.id() + " " + ticket.status());
			}
			List<String> bills = new ArrayList<>();
			for (Bill bill : restaurant.till().bills()) {
				bills.add(bill.id() + " " + bill.status() + " " + bill.paid().toPlainString() + " "
						+ bill.payments().size());
			}
			Restaurant.Response menu = restaurant.get("/api/menu");
			assertThat(menu.status()).as("/api/menu: " + menu.body()).isEqualTo(200);
			return new Snapshot(menu.json().toString(), orders, tickets, bills);
		}

	}

}
