package org.example.restaurant.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The till of a running {@link Restaurant}, through the gateway, worked by a signed-in
 * cashier: the bills the cashier-service opens for served orders, payments, receipts and
 * the day's report.
 *
 * @param restaurant the restaurant
 * @param staff who works the till: their staff number is the payments' {@code takenBy}
 */
record Till(Restaurant restaurant, Staff staff) implements Desk {

	/** Every bill, oldest first. */
	List<Bill> bills() {
		return readList("/api/bills", Bill.class);
	}

	/** The bills of an order: one, once the cashier has opened it. */
	List<Bill> billsOf(String orderId) {
		return readList("/api/bills?orderId=" + orderId, Bill.class);
	}

	Bill bill(String billId) {
		return read("/api/bills/" + billId, Bill.class);
	}

	/** Waits (at most 30 s) until the cashier has opened the order's one bill. */
	Bill awaitBillOf(String orderId) {
		return awaitBillOf(orderId, Duration.ofSeconds(30));
	}

	/**
	 * Waits until the cashier answers with the order's bill (it may be down for a while),
	 * and returns it: the one bill of the order.
	 */
	Bill awaitBillOf(String orderId, Duration atMost) {
		List<Bill> bills = await("the bill of order " + orderId).atMost(atMost)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> {
				Restaurant.Response response = get("/api/bills?orderId=" + orderId);
				return (response.status() == 200) ? response.asListOf(Bill.class) : List.<Bill>of();
			}, (found) -> !found.isEmpty());
		assertThat(bills).as("bills of order " + orderId).hasSize(1);
		return bills.get(0);
	}

	/** Takes a payment for a bill; it must be accepted (201). */
	Payment pay(String billId, PaymentRequest payment) {
		return Desk.ok(tryPay(billId, payment), 201).as(Payment.class);
	}

	Restaurant.Response tryPay(String billId, PaymentRequest payment) {
		return post(paymentsOf(billId), payment.json());
	}

	/** A payment with an {@code Idempotency-Key}, whatever the answer. */
	Restaurant.Response tryPay(String billId, PaymentRequest payment, String idempotencyKey) {
		return this.restaurant.post(paymentsOf(billId), payment.json(), idempotencyKey, this.staff);
	}

	/** The printable receipt of a bill ({@code text/plain}). */
	String receipt(String billId) {
		Restaurant.Response receipt = Desk.ok(get("/api/bills/" + billId + "/receipt"), 200);
		assertThat(receipt.header("Content-Type")).startsWith("text/plain");
		return receipt.body();
	}

	/** The day's report. */
	DailyReport dailyReport(LocalDate date) {
		return read("/api/reports/daily?date=" + date, DailyReport.class);
	}

	static String paymentsOf(String billId) {
		return "/api/bills/" + billId + "/payments";
	}

	/**
	 * What a cashier takes: cash (with what was tendered) or card, with a tip or none.
	 */
	record PaymentRequest(String method, BigDecimal amount, BigDecimal tip, BigDecimal tendered) {

		static PaymentRequest card(BigDecimal amount) {
			return new PaymentRequest("CARD", amount, null, null);
		}

		static PaymentRequest cash(BigDecimal amount, BigDecimal tendered) {
			return new PaymentRequest("CASH", amount, null, tendered);
		}

		PaymentRequest withTip(String tip) {
			return new PaymentRequest(this.method, this.amount, new BigDecimal(tip), this.tendered);
		}

		/** The body of {@code POST /api/bills/{id}/payments}. */
		String json() {
			ObjectNode payment = Restaurant.json.createObjectNode()
				.put("method", this.method)
				.put("amount", this.amount);
			if (this.tip != null) {
				payment.put("tip", this.tip);
			}
			if (this.tendered != null) {
				payment.put("tendered", this.tendered);
			}
			return Restaurant.json.writeValueAsString(payment);
		}

	}

	/** A bill as the API shows it. */
	record Bill(String id, String orderId, String table, String currency, List<BillLine> lines, BigDecimal subtotal,
			BigDecimal tax, BigDecimal total, BigDecimal paid, BigDecimal balanceDue, String status,
			List<Payment> payments, Instant openedAt, Instant paidAt) {

		record BillLine(String name, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
		}

	}

	/** A payment as the API shows it. */
	record Payment(String id, String method, BigDecimal amount, BigDecimal tip, BigDecimal tendered, BigDecimal change,
			String takenBy, Instant paidAt) {
	}

	/** The day's report: the bills paid, the payments by method, tips and tax. */
	record DailyReport(LocalDate date, Instant from, Instant to, long billsPaid, BigDecimal sales, BigDecimal tax,
			BigDecimal tips, long payments, Map<String, MethodTotals> byMethod) {

		record MethodTotals(long count, BigDecimal amount, BigDecimal tips) {
		}

	}

}
