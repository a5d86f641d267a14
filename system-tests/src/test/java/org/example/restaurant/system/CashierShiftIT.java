package org.example.restaurant.system;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cashier's side of a shift, through the gateway of the real restaurant: a table's
 * bill split three ways (cash with change, card, card with a tip), a card payment sent
 * twice with one {@code Idempotency-Key}, the receipt, and the day's report that accounts
 * for every payment.
 */
@ExtendWith(RestaurantExtension.class)
class CashierShiftIT {

	static final JsonMapper json = JsonMapper.builder().build();

	static Restaurant restaurant;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void openTheRestaurant(Restaurant shared) {
		restaurant = shared;
	}

	@Test
	void aTableSplitsItsBillThreeWaysAndTheCashierAccountsForEveryPayment() {
		String orderId = placeServedOrder("T12");
		JsonNode bill = await("the cashier to open the bill").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> restaurant.get("/api/bills?orderId=" + orderId).json(), (bills) -> bills.size() == 1)
			.get(0);
		String billId = bill.path("id").asString();
		String payments = "/api/bills/" + billId + "/payments";
		BigDecimal total = bill.path("total").decimalValue();
		assertThat(bill.path("subtotal").decimalValue().add(bill.path("tax").decimalValue()))
			.isEqualByComparingTo(total);
		BigDecimal third = total.divide(BigDecimal.valueOf(3), 2, RoundingMode.DOWN);
		BigDecimal last = total.subtract(third).subtract(third);

		// cash, with a note bigger than the share
		BigDecimal tendered = third.add(BigDecimal.TEN).setScale(0, RoundingMode.DOWN);
		Restaurant.Response cash = restaurant.post(payments,
				"{\"method\": \"CASH\", \"amount\": %s, \"tendered\": %s}".formatted(third, tendered));
		assertThat(cash.status()).as(cash.body()).isEqualTo(201);
		assertThat(cash.json().path("change").decimalValue()).isEqualByComparingTo(tendered.subtract(third));

		// card, sent twice with one key: paid once, answered twice alike
		String key = UUID.randomUUID().toString();
		String cardBody = "{\"method\": \"CARD\", \"amount\": %s}".formatted(third);
		Reply card = post(payments, cardBody, key);
		Reply repeat = post(payments, cardBody, key);
		assertThat(card.status()).as(card.body()).isEqualTo(201);
		assertThat(card.header("Idempotent-Replayed")).isNull();
		assertThat(repeat.status()).as(repeat.body()).isEqualTo(201);
		assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(repeat.body()).isEqualTo(card.body());
		assertThat(repeat.header("Location")).isEqualTo(card.header("Location"));
		JsonNode afterTwo = restaurant.get("/api/bills/" + billId).json();
		assertThat(afterTwo.path("payments")).hasSize(2);
		assertThat(afterTwo.path("paid").decimalValue()).isEqualByComparingTo(third.add(third));
		Reply mismatched = post(payments, "{\"method\": \"CARD\", \"amount\": %s}".formatted(last), key);
		assertThat(mismatched.status()).as(mismatched.body()).isEqualTo(422);
		assertThat(mismatched.header("Content-Type")).startsWith("application/problem+json");
		assertThat(restaurant.get("/api/bills/" + billId).json().path("payments")).hasSize(2);

		// card with a tip covers the rest
		Restaurant.Response tipped = restaurant.post(payments,
				"{\"method\": \"CARD\", \"amount\": %s, \"tip\": 2.50}".formatted(last));
		assertThat(tipped.status()).as(tipped.body()).isEqualTo(201);
		JsonNode paid = restaurant.get("/api/bills/" + billId).json();
		assertThat(paid.path("status").asString()).isEqualTo("PAID");
		assertThat(paid.path("paid").decimalValue()).isEqualByComparingTo(total);
		assertThat(paid.path("total").decimalValue()).as("the tip is not in the total").isEqualByComparingTo(total);
		assertThat(paid.path("balanceDue").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(restaurant.post(payments, "{\"method\": \"CARD\", \"amount\": 0.01}").status()).isEqualTo(409);
		await("the order to be marked paid").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> restaurant.get("/api/orders/" + orderId).json().path("status").asString(), "PAID"::equals);

		Restaurant.Response receipt = restaurant.get("/api/bills/" + billId + "/receipt");
		assertThat(receipt.status()).isEqualTo(200);
		assertThat(receipt.header("Content-Type")).startsWith("text/plain");
		assertThat(receipt.body())
			.contains("The Restaurant", "Table T12", billId, "Subtotal", "Tax ", "TOTAL", "CASH", "Tendered", "Change",
					"CARD", "Tip", "2.50", total.toPlainString())
			.endsWith("PAID\n");
		for (JsonNode line : paid.path("lines")) {
			assertThat(receipt.body()).contains(line.path("quantity").asInt() + " x ")
				.contains(line.path("lineTotal").decimalValue().toPlainString());
		}

		Instant paidAt = Instant.parse(paid.path("paidAt").asString());
		LocalDate today = LocalDate.ofInstant(paidAt, ZoneOffset.UTC);
		Restaurant.Response daily = restaurant.get("/api/reports/daily?date=" + today);
		assertThat(daily.status()).as(daily.body()).isEqualTo(200);
		JsonNode report = daily.json();
		assertThat(report.path("date").asString()).isEqualTo(today.toString());
		assertThat(report.path("billsPaid").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(report.path("sales").decimalValue()).isGreaterThanOrEqualTo(total);
		assertThat(report.path("tips").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("2.50"));
		assertThat(report.path("byMethod").path("CARD").path("count").asInt()).isGreaterThanOrEqualTo(2);
		assertMatchesEveryBillAndPayment(report);
	}

	/** The report's figures are exactly the sums of what the bills show for its day. */
	private static void assertMatchesEveryBillAndPayment(JsonNode report) {
		Instant from = Instant.parse(report.path("from").asString());
		Instant to = Instant.parse(report.path("to").asString());
		int billsPaid = 0;
		BigDecimal sales = BigDecimal.ZERO;
		BigDecimal tax = BigDecimal.ZERO;
		int payments = 0;
		BigDecimal tips = BigDecimal.ZERO;
		BigDecimal cash = BigDecimal.ZERO;
		BigDecimal card = BigDecimal.ZERO;
		for (JsonNode bill : restaurant.get("/api/bills").json()) {
			if (bill.path("status").asString().equals("PAID") && within(bill.path("paidAt"), from, to)) {
				billsPaid++;
				sales = sales.add(bill.path("total").decimalValue());
				tax = tax.add(bill.path("tax").decimalValue());
			}
			for (JsonNode payment : bill.path("payments")) {
				if (within(payment.path("paidAt"), from, to)) {
					payments++;
					tips = tips.add(payment.path("tip").decimalValue());
					if (payment.path("method").asString().equals("CASH")) {
						cash = cash.add(payment.path("amount").decimalValue());
					}
					else {
						card = card.add(payment.path("amount").decimalValue());
					}
				}
			}
		}
		assertThat(report.path("billsPaid").asInt()).isEqualTo(billsPaid);
		assertThat(report.path("sales").decimalValue()).isEqualByComparingTo(sales);
		assertThat(report.path("tax").decimalValue()).isEqualByComparingTo(tax);
		assertThat(report.path("payments").asInt()).isEqualTo(payments);
		assertThat(report.path("tips").decimalValue()).isEqualByComparingTo(tips);
		assertThat(report.path("byMethod").path("CASH").path("amount").decimalValue()).isEqualByComparingTo(cash);
		assertThat(report.path("byMethod").path("CARD").path("amount").decimalValue()).isEqualByComparingTo(card);
	}

	private static boolean within(JsonNode time, Instant from, Instant to) {
		if (time.isNull() || time.isMissingNode()) {
			return false;
		}
		Instant instant = Instant.parse(time.asString());
		return !instant.isBefore(from) && instant.isBefore(to);
	}

	private static String placeServedOrder(String table) {
		JsonNode menu = restaurant.get("/api/menu?available=true").json();
		Restaurant.Response placed = restaurant.post("/api/orders", """
				{"table": "%s", "items": [{"menuItemId": "%s", "quantity": 2}, {"menuItemId": "%s", "quantity": 1}]}
				""".formatted(table, firstOf(menu, "MAIN"), firstOf(menu, "DRINK")));
		assertThat(placed.status()).as(placed.body()).isEqualTo(201);
		String orderId = placed.json().path("id").asString();
		await("the kitchen to cook order " + orderId).atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> restaurant.get("/api/orders/" + orderId).json().path("status").asString(), "READY"::equals);
		Restaurant.Response served = restaurant.post("/api/orders/" + orderId + "/serve", "");
		assertThat(served.status()).as(served.body()).isEqualTo(200);
		return orderId;
	}

	private static String firstOf(JsonNode menu, String category) {
		for (JsonNode item : menu) {
			if (item.path("category").asString().equals(category)) {
				return item.path("id").asString();
			}
		}
		throw new AssertionError("no available " + category + " on the menu");
	}

	/** A POST through the gateway with an {@code Idempotency-Key}. */
	private Reply post(String path, String body, String idempotencyKey) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + restaurant.gatewayPort + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Reply(int status, java.net.http.HttpHeaders headers, String body) {

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		JsonNode json() {
			return json.readTree(this.body);
		}

	}

}
