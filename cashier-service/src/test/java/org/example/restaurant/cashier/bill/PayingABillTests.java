package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.example.restaurant.cashier.Api;
import org.example.restaurant.cashier.CashierServiceTest;
import org.example.restaurant.cashier.RecordingOrderService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Paying bills through the API of the running service, on its database: splitting, cash
 * and change, tips apart from the total, and every refusal, each of which stores nothing.
 */
@CashierServiceTest
class PayingABillTests extends BillsThroughTheApi {

	@Autowired
	RecordingOrderService orderService;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void showsABillWithItsLinesTotalsAndTaxRule() {
		Bill bill = openBill("19.00");

		JsonNode json = this.api.get("/api/bills/" + bill.getId()).json();

		assertThat(json.path("orderId").asString()).isEqualTo(bill.getOrderId().toString());
		assertThat(json.path("table").asString()).isEqualTo("T4");
		assertThat(json.path("currency").asString()).isEqualTo("EUR");
		assertThat(json.path("lines").get(0).path("name").asString()).isEqualTo("Tasting menu");
		assertThat(json.path("subtotal").decimalValue()).isEqualByComparingTo("17.27");
		assertThat(json.path("tax").decimalValue()).isEqualByComparingTo("1.73");
		assertThat(json.path("total").decimalValue()).isEqualByComparingTo("19.00");
		assertThat(json.path("paid").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(json.path("balanceDue").decimalValue()).isEqualByComparingTo("19.00");
		assertThat(json.path("taxRate").decimalValue()).isEqualByComparingTo("0.10");
		assertThat(json.path("pricesIncludeTax").asBoolean()).isTrue();
		assertThat(json.path("status").asString()).isEqualTo("OPEN");
	}

	@Test
	void splitsABillAndTheCoveringPaymentMarksTheBillAndTheOrderPaid() {
		Bill bill = openBill("19.00");

		Api.Reply cash = pay(bill, "{\"method\": \"CASH\", \"amount\": 10.00, \"tendered\": 20.00}");
		assertThat(cash.status()).as(cash.body()).isEqualTo(201);
		assertThat(cash.json().path("change").decimalValue()).isEqualByComparingTo("10.00");
		assertThat(cash.json().path("tendered").decimalValue()).isEqualByComparingTo("20.00");
		assertThat(this.api.get("/api/bills/" + bill.getId()).json().path("status").asString()).isEqualTo("OPEN");

		Api.Reply card = pay(bill, "{\"method\": \"CARD\", \"amount\": 9.00, \"tip\": 2.50}");
		assertThat(card.status()).as(card.body()).isEqualTo(201);
		assertThat(card.json().path("tip").decimalValue()).isEqualByComparingTo("2.50");
		assertThat(card.json().path("tendered").isNull()).isTrue();
		assertThat(card.json().path("change").isNull()).isTrue();

		JsonNode paid = this.api.get("/api/bills/" + bill.getId()).json();
		assertThat(paid.path("status").asString()).isEqualTo("PAID");
		assertThat(paid.path("total").decimalValue()).as("tips are not part of the total")
			.isEqualByComparingTo("19.00");
		assertThat(paid.path("paid").decimalValue()).isEqualByComparingTo("19.00");
		assertThat(paid.path("balanceDue").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(paid.path("payments")).hasSize(2);
		await("the order-service told the order is paid").atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.orderService.timesToldPaid(bill.getOrderId())).isEqualTo(1));
	}

	@Test
	void storesBillPaidInTheOutboxWithTheCoveringPaymentOnly() {
		Bill bill = openBill("19.00");

		pay(bill, "{\"method\": \"CARD\", \"amount\": 10.00}");
		assertThat(publicationsOf(bill)).as("after a partial payment").isEmpty();
		pay(bill, "{\"method\": \"CARD\", \"amount\": 9.00}");

		assertThat(publicationsOf(bill)).singleElement()
			.satisfies((event) -> assertThat(event).contains(bill.getOrderId().toString()));
	}

	@Test
	void storesNoBillPaidWhenTheCoveringPaymentRollsBack() {
		Bill bill = openBill("19.00");

		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.cashier.pay(bill.getId(), PaymentMethod.CARD, new BigDecimal("19.00"), null, null);
			status.setRollbackOnly();
		});

		assertThat(publicationsOf(bill)).isEmpty();
		assertThat(this.jdbc.queryForObject("select status from bill where id = ?", String.class, bill.getId()))
			.isEqualTo("OPEN");
	}

	@Test
	void storesBillPaidWhenABillWithNothingToPayIsOpened() {
		Bill bill = openBill("0.00");

		assertThat(bill.isPaid()).isTrue();
		assertThat(publicationsOf(bill)).hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					more than is due               | {"method": "CARD", "amount": 19.01}                                 | 422 |
					cash below amount plus tip     | {"method": "CASH", "amount": 10.00, "tip": 2.00, "tendered": 11.99} | 422 |
					a zero amount                  | {"method": "CARD", "amount": 0}                                     | 400 | amount
					a negative amount              | {"method": "CARD", "amount": -5.00}                                 | 400 | amount
					an amount that is not a number | {"method": "CARD", "amount": "five"}                                | 400 | amount
					an amount in tenths of cents   | {"method": "CARD", "amount": 5.001}                                 | 400 | amount
					no amount                      | {"method": "CARD"}                                                  | 400 | amount
					an unknown method              | {"method": "CHEQUE", "amount": 5.00}                                | 400 | method
					no method                      | {"amount": 5.00}                                                    | 400 | method
					a negative tip                 | {"method": "CARD", "amount": 5.00, "tip": -1.00}                    | 400 | tip
					a tip in tenths of cents       | {"method": "CARD", "amount": 5.00, "tip": 0.125}                    | 400 | tip
					tendered cash for a card       | {"method": "CARD", "amount": 5.00, "tendered": 5.00}                | 400 | tendered
					a body that is not JSON        | {"method": "CARD", "amount":                                        | 400 |
					""")
	void refusesAPaymentAndStoresNothing(String what, String body, int status, String field) {
		Bill bill = openBill("19.00");
		pay(bill, "{\"method\": \"CARD\", \"amount\": 1.00}");
		Map<String, Object> before = stored(bill);

		Api.Reply refused = pay(bill, body);

		assertThat(refused.status()).as(refused.body()).isEqualTo(status);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		if (field != null) {
			assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
			assertThat(refused.json().path("detail").asString()).contains(field);
		}
		assertThat(stored(bill)).isEqualTo(before);
	}

	@Test
	void refusesToPayAPaidBillAndStoresNothing() {
		Bill bill = openBill("19.00");
		assertThat(pay(bill, "{\"method\": \"CARD\", \"amount\": 19.00}").status()).isEqualTo(201);
		Map<String, Object> before = stored(bill);

		Api.Reply refused = pay(bill, "{\"method\": \"CASH\", \"amount\": 1.00}");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().path("detail").asString()).contains(bill.getId().toString());
		assertThat(stored(bill)).isEqualTo(before);
	}

	@Test
	void tellsTheBalanceDueWhenRefusingToTakeMore() {
		Bill bill = openBill("19.00");
		pay(bill, "{\"method\": \"CARD\", \"amount\": 15.00}");

		Api.Reply refused = pay(bill, "{\"method\": \"CASH\", \"amount\": 5.00, \"tendered\": 5.00}");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().path("balanceDue").decimalValue()).isEqualByComparingTo("4.00");
	}

	@Test
	void answersNotFoundForAPaymentOnAnUnknownBill() {
		Api.Reply refused = this.api.post("/api/bills/" + UUID.randomUUID() + "/payments",
				"{\"method\": \"CARD\", \"amount\": 1.00}");

		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void printsTheReceiptOfABillAsPlainText() {
		Bill bill = openBill("19.00");
		pay(bill, "{\"method\": \"CASH\", \"amount\": 10.00, \"tendered\": 50.00}");
		pay(bill, "{\"method\": \"CARD\", \"amount\": 9.00, \"tip\": 1.50}");

		Api.Reply receipt = this.api.get("/api/bills/" + bill.getId() + "/receipt");

		assertThat(receipt.status()).isEqualTo(200);
		assertThat(receipt.header("Content-Type")).isEqualToIgnoringCase("text/plain;charset=UTF-8");
		assertThat(receipt.header("X-Instance-Id")).isEqualTo("cashier-service:local");
		assertThat(receipt.body()).startsWith("              Trattoria Uno\n")
			.contains("Table T4\n", "Bill " + bill.getId(), "Europe/Paris", "1 x Tasting menu",
					"Tax 10% (included)                    1.73\n", "TOTAL EUR                            19.00\n",
					"  Tendered                           50.00\n", "  Change                             40.00\n",
					"  Tip                                 1.50\n", "Tips (not in the total)               1.50\n")
			.endsWith("PAID\n");
	}

	@Test
	void answersNotFoundAsAProblemForTheReceiptOfAnUnknownBill() {
		Api.Reply missing = this.api.get("/api/bills/" + UUID.randomUUID() + "/receipt", "Accept", "text/plain");

		assertThat(missing.status()).isEqualTo(404);
		assertThat(this.api.get("/api/bills/" + UUID.randomUUID() + "/receipt").header("Content-Type"))
			.startsWith("application/problem+json");
	}

	private Api.Reply pay(Bill bill, String body) {
		return this.api.post("/api/bills/" + bill.getId() + "/payments", body);
	}

	/** The events about a bill in the outbox (the event publication registry). */
	private List<String> publicationsOf(Bill bill) {
		return this.jdbc.queryForList("select serialized_event from event_publication where serialized_event like ?",
				String.class, "%" + bill.getId() + "%");
	}

	/** What the database holds for a bill: its row and its payments' rows. */
	private Map<String, Object> stored(Bill bill) {
		return Map.of("bill",
				this.jdbc.queryForMap("select status, paid, paid_at, version from bill where id = ?", bill.getId()),
				"payments",
				this.jdbc.queryForList("select * from payment where bill_id = ? order by paid_at, id", bill.getId()));
	}

}
