package org.example.restaurant.cashier.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.example.restaurant.cashier.Api;
import org.example.restaurant.cashier.CashierServiceTest;
import org.example.restaurant.platform.test.TestClock;
import org.example.restaurant.cashier.bill.Bill;
import org.example.restaurant.cashier.bill.BillLine;
import org.example.restaurant.cashier.bill.Cashier;
import org.example.restaurant.cashier.bill.PaymentMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily report over a day of the restaurant in Europe/Paris (one hour ahead of UTC in
 * March): bills and payments on both sides of both midnights, taken at set times.
 */
@CashierServiceTest
class DailyReportTests {

	static final LocalDate DAY = LocalDate.parse("2031-03-14");

	@LocalServerPort
	int port;

	@Autowired
	Cashier cashier;

	@Autowired
	TestClock clock;

	Api api;

	@BeforeEach
	void aDayAtTheRestaurant() {
		this.api = new Api(this.port);
		if (reportOf(DAY).path("payments").asInt() > 0) {
			return; // the day happened already, for an earlier test of this class
		}
		// opened before midnight, half paid before midnight and half after: paid on DAY
		Bill lateTable = open("2031-03-13T22:30:00Z", "Margherita", 2, "9.50");
		pay(lateTable, "2031-03-13T22:50:00Z", PaymentMethod.CARD, "10.00", "1.00", null);
		pay(lateTable, "2031-03-13T23:10:00Z", PaymentMethod.CASH, "9.00", null, "20.00");
		// lunch, paid by card with a tip
		Bill lunch = open("2031-03-14T11:00:00Z", "Tasting menu", 1, "25.00");
		pay(lunch, "2031-03-14T12:00:00Z", PaymentMethod.CARD, "25.00", "3.00", null, "302");
		// part paid a microsecond before midnight, still open
		Bill unfinished = open("2031-03-14T20:00:00Z", "Soup", 1, "7.00");
		pay(unfinished, "2031-03-14T22:59:59.999999Z", PaymentMethod.CASH, "5.00", null, "5.00");
		// paid at midnight: the next day
		Bill nightCap = open("2031-03-14T22:30:00Z", "Grappa", 1, "4.00");
		pay(nightCap, "2031-03-14T23:00:00Z", PaymentMethod.CARD, "4.00", null, null);
	}

	@AfterEach
	void realTime() {
		this.clock.reset();
	}

	@Test
	void addsUpTheBillsPaidAndThePaymentsTakenBetweenMidnightsInTheRestaurantsZone() {
		Api.Reply reply = this.api.get("/api/reports/daily?date=2031-03-14");

		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		JsonNode report = reply.json();
		assertThat(report.path("date").asString()).isEqualTo("2031-03-14");
		assertThat(report.path("zone").asString()).isEqualTo("Europe/Paris");
		assertThat(report.path("from").asString()).isEqualTo("2031-03-13T23:00:00Z");
		assertThat(report.path("to").asString()).isEqualTo("2031-03-14T23:00:00Z");
		assertThat(report.path("currency").asString()).isEqualTo("EUR");
		assertThat(report.path("billsPaid").asInt()).isEqualTo(2);
		assertThat(report.path("payments").asInt()).isEqualTo(3);
		// money is written with two decimals
		assertThat(reply.body()).contains("\"sales\":44.00", "\"tax\":4.00", "\"tips\":3.00",
				"\"CASH\":{\"count\":2,\"amount\":14.00,\"tips\":0.00}",
				"\"CARD\":{\"count\":1,\"amount\":25.00,\"tips\":3.00}");
	}

	@Test
	void readsTheDayPerCashier() {
		JsonNode byCashier = reportOf(DAY).path("byCashier");

		assertThat(byCashier.propertyNames()).containsExactly("301", "302");
		assertThat(byCashier.path("301").path("count").asInt()).isEqualTo(2);
		assertThat(byCashier.path("301").path("amount").decimalValue()).isEqualByComparingTo("14.00");
		assertThat(byCashier.path("302").path("count").asInt()).isEqualTo(1);
		assertThat(byCashier.path("302").path("amount").decimalValue()).isEqualByComparingTo("25.00");
		assertThat(byCashier.path("302").path("tips").decimalValue()).isEqualByComparingTo("3.00");
	}

	@Test
	void countsAPaymentOnTheDayItWasTakenAndABillOnTheDayItWasPaid() {
		JsonNode dayBefore = reportOf(DAY.minusDays(1));
		JsonNode dayAfter = reportOf(DAY.plusDays(1));

		assertThat(dayBefore.path("billsPaid").asInt()).isZero();
		assertThat(dayBefore.path("sales").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(dayBefore.path("byMethod").path("CARD").path("amount").decimalValue()).isEqualByComparingTo("10.00");
		assertThat(dayBefore.path("byMethod").path("CARD").path("tips").decimalValue()).isEqualByComparingTo("1.00");
		assertThat(dayBefore.path("byMethod").path("CASH").path("count").asInt()).isZero();
		assertThat(dayAfter.path("billsPaid").asInt()).isEqualTo(1);
		assertThat(dayAfter.path("sales").decimalValue()).isEqualByComparingTo("4.00");
		assertThat(dayAfter.path("tax").decimalValue()).isEqualByComparingTo("0.36");
		assertThat(dayAfter.path("payments").asInt()).isEqualTo(1);
	}

	@Test
	void matchesThePaymentsAndBillsTheApiShows() {
		JsonNode bills = this.api.get("/api/bills").json();

		for (LocalDate date : List.of(DAY.minusDays(1), DAY, DAY.plusDays(1))) {
			JsonNode report = reportOf(date);
			Instant from = Instant.parse(report.path("from").asString());
			Instant to = Instant.parse(report.path("to").asString());
			BigDecimal sales = BigDecimal.ZERO;
			BigDecimal tax = BigDecimal.ZERO;
			int billsPaid = 0;
			BigDecimal tips = BigDecimal.ZERO;
			int payments = 0;
			for (JsonNode bill : bills) {
				if (bill.path("status").asString().equals("PAID") && within(bill.path("paidAt"), from, to)) {
					billsPaid++;
					sales = sales.add(bill.path("total").decimalValue());
					tax = tax.add(bill.path("tax").decimalValue());
				}
			}
			for (PaymentMethod method : PaymentMethod.values()) {
				BigDecimal amount = BigDecimal.ZERO;
				BigDecimal methodTips = BigDecimal.ZERO;
				int count = 0;
				for (JsonNode bill : bills) {
					for (JsonNode payment : bill.path("payments")) {
						if (payment.path("method").asString().equals(method.name())
								&& within(payment.path("paidAt"), from, to)) {
							count++;
							amount = amount.add(payment.path("amount").decimalValue());
							methodTips = methodTips.add(payment.path("tip").decimalValue());
						}
					}
				}
				JsonNode reported = report.path("byMethod").path(method.name());
				assertThat(reported.path("count").asInt()).as(date + " " + method).isEqualTo(count);
				assertThat(reported.path("amount").decimalValue()).as(date + " " + method).isEqualByComparingTo(amount);
				assertThat(reported.path("tips").decimalValue()).as(date + " " + method)
					.isEqualByComparingTo(methodTips);
				payments += count;
				tips = tips.add(methodTips);
			}
			assertThat(report.path("billsPaid").asInt()).as(date.toString()).isEqualTo(billsPaid);
			assertThat(report.path("sales").decimalValue()).as(date.toString()).isEqualByComparingTo(sales);
			assertThat(report.path("tax").decimalValue()).as(date.toString()).isEqualByComparingTo(tax);
			assertThat(report.path("tips").decimalValue()).as(date.toString()).isEqualByComparingTo(tips);
			assertThat(report.path("payments").asInt()).as(date.toString()).isEqualTo(payments);
		}
	}

	@Test
	void reportsADayWithoutTakingsAsZeros() {
		Api.Reply reply = this.api.get("/api/reports/daily?date=1999-12-31");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body()).contains("\"billsPaid\":0", "\"sales\":0.00", "\"tax\":0.00", "\"tips\":0.00",
				"\"payments\":0", "\"CASH\":{\"count\":0,\"amount\":0.00,\"tips\":0.00}",
				"\"CARD\":{\"count\":0,\"amount\":0.00,\"tips\":0.00}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "?date=", "?date=14-03-2031", "?date=2031-02-30", "?date=today" })
	void refusesAMissingOrMalformedDateNamingIt(String query) {
		Api.Reply refused = this.api.get("/api/reports/daily" + query);

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("date");
		assertThat(refused.json().path("detail").asString()).contains("date");
	}

	private static boolean within(JsonNode time, Instant from, Instant to) {
		if (time.isNull() || time.isMissingNode()) {
			return false;
		}
		Instant instant = Instant.parse(time.asString());
		return !instant.isBefore(from) && instant.isBefore(to);
	}

	private JsonNode reportOf(LocalDate date) {
		Api.Reply reply = this.api.get("/api/reports/daily?date=" + date);
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json();
	}

	private Bill open(String at, String item, int quantity, String price) {
		this.clock.setTo(Instant.parse(at));
		return this.cashier.open(UUID.randomUUID(), "T5", List.of(BillLine.of(item, quantity, new BigDecimal(price))))
			.bill();
	}

	private void pay(Bill bill, String at, PaymentMethod method, String amount, String tip, String tendered) {
		pay(bill, at, method, amount, tip, tendered, "301");
	}

	private void pay(Bill bill, String at, PaymentMethod method, String amount, String tip, String tendered,
			String cashier) {
		this.clock.setTo(Instant.parse(at));
		this.cashier.pay(bill.getId(), method, new BigDecimal(amount), (tip != null) ? new BigDecimal(tip) : null,
				(tendered != null) ? new BigDecimal(tendered) : null, cashier);
	}

}
