package org.example.restaurant.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.example.restaurant.system.Till.Bill;
import org.example.restaurant.system.Till.DailyReport;
import org.example.restaurant.system.Till.Payment;
import org.example.restaurant.system.Till.PaymentRequest;
import org.example.restaurant.system.Waiter.Line;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cashier's side of a shift, through the gateway of the real restaurant: a table's
 * bill split three ways (cash with change, card, card with a tip), a card payment sent
 * twice with one {@code Idempotency-Key}, the receipt, and the day's report that accounts
 * for every payment.
 */
@SharedRestaurant
class CashierShiftIT {

	static Restaurant restaurant;

	@Test
	void aTableSplitsItsBillThreeWaysAndTheCashierAccountsForEveryPayment() {
		String orderId = aServedOrderAt("T12");
		Till till = restaurant.till();
		Bill bill = till.awaitBillOf(orderId);
		BigDecimal total = bill.total();
		assertThat(bill.subtotal().add(bill.tax())).isEqualByComparingTo(total);
		BigDecimal third = total.divide(BigDecimal.valueOf(3), 2, RoundingMode.DOWN);
		BigDecimal last = total.subtract(third).subtract(third);

		// cash, with a note bigger than the share
		BigDecimal tendered = third.add(BigDecimal.TEN).setScale(0, RoundingMode.DOWN);
		Payment cash = till.pay(bill.id(), PaymentRequest.cash(third, tendered));
		assertThat(cash.change()).isEqualByComparingTo(tendered.subtract(third));

		// card, sent twice with one key: paid once, answered twice alike
		String key = UUID.randomUUID().toString();
		Restaurant.Response card = till.tryPay(bill.id(), PaymentRequest.card(third), key);
		Restaurant.Response repeat = till.tryPay(bill.id(), PaymentRequest.card(third), key);
		assertThat(card.status()).as(card.body()).isEqualTo(201);
		assertThat(card.header("Idempotent-Replayed")).isNull();
		assertThat(repeat.status()).as(repeat.body()).isEqualTo(201);
		assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(repeat.body()).isEqualTo(card.body());
		assertThat(repeat.header("Location")).isEqualTo(card.header("Location"));
		Bill afterTwo = till.bill(bill.id());
		assertThat(afterTwo.payments()).hasSize(2);
		assertThat(afterTwo.paid()).isEqualByComparingTo(third.add(third));
		Restaurant.Response mismatched = till.tryPay(bill.id(), PaymentRequest.card(last), key);
		assertThat(mismatched.status()).as(mismatched.body()).isEqualTo(422);
		assertThat(mismatched.header("Content-Type")).startsWith("application/problem+json");
		assertThat(till.bill(bill.id()).payments()).hasSize(2);

		// card with a tip covers the rest
		till.pay(bill.id(), PaymentRequest.card(last).withTip("2.50"));
		Bill paid = till.bill(bill.id());
		assertThat(paid.status()).isEqualTo("PAID");
		assertThat(paid.paid()).isEqualByComparingTo(total);
		assertThat(paid.total()).as("the tip is not in the total").isEqualByComparingTo(total);
		assertThat(paid.balanceDue()).isEqualByComparingTo("0.00");
		assertThat(till.tryPay(bill.id(), PaymentRequest.card(new BigDecimal("0.01"))).status()).isEqualTo(409);
		restaurant.waiter().awaitStatus(orderId, "PAID", Duration.ofSeconds(30));

		String receipt = till.receipt(bill.id());
		assertThat(receipt)
			.contains("The Restaurant", "Table T12", bill.id(), "Subtotal", "Tax ", "TOTAL", "CASH", "Tendered",
					"Change", "CARD", "Tip", "2.50", total.toPlainString())
			.endsWith("PAID\n");
		for (Bill.BillLine line : paid.lines()) {
			assertThat(receipt).contains(line.quantity() + " x ").contains(line.lineTotal().toPlainString());
		}

		LocalDate today = LocalDate.ofInstant(paid.paidAt(), ZoneOffset.UTC);
		DailyReport report = till.dailyReport(today);
		assertThat(report.date()).isEqualTo(today);
		assertThat(report.billsPaid()).isGreaterThanOrEqualTo(1);
		assertThat(report.sales()).isGreaterThanOrEqualTo(total);
		assertThat(report.tips()).isGreaterThanOrEqualTo(new BigDecimal("2.50"));
		assertThat(report.byMethod().get("CARD").count()).isGreaterThanOrEqualTo(2);
		assertMatchesEveryBillAndPayment(report);
	}

	/** The report's figures are exactly the sums of what the bills show for its day. */
	private static void assertMatchesEveryBillAndPayment(DailyReport report) {
		int billsPaid = 0;
		BigDecimal sales = BigDecimal.ZERO;
		BigDecimal tax = BigDecimal.ZERO;
		int payments = 0;
		BigDecimal tips = BigDecimal.ZERO;
		BigDecimal cash = BigDecimal.ZERO;
		BigDecimal card = BigDecimal.ZERO;
		for (Bill bill : restaurant.till().bills()) {
			if (bill.status().equals("PAID") && within(bill.paidAt(), report)) {
				billsPaid++;
				sales = sales.add(bill.total());
				tax = tax.add(bill.tax());
			}
			for (Payment payment : bill.payments()) {
				if (within(payment.paidAt(), report)) {
					payments++;
					tips = tips.add(payment.tip());
					if (payment.method().equals("CASH")) {
						cash = cash.add(payment.amount());
					}
					else {
						card = card.add(payment.amount());
					}
				}
			}
		}
		assertThat(report.billsPaid()).isEqualTo(billsPaid);
		assertThat(report.sales()).isEqualByComparingTo(sales);
		assertThat(report.tax()).isEqualByComparingTo(tax);
		assertThat(report.payments()).isEqualTo(payments);
		assertThat(report.tips()).isEqualByComparingTo(tips);
		assertThat(report.byMethod().get("CASH").amount()).isEqualByComparingTo(cash);
		assertThat(report.byMethod().get("CARD").amount()).isEqualByComparingTo(card);
	}

	private static boolean within(Instant time, DailyReport report) {
		return time != null && !time.isBefore(report.from()) && time.isBefore(report.to());
	}

	/** A waiter places an order at the table, waits until it is cooked and serves it. */
	private static String aServedOrderAt(String table) {
		Waiter waiter = restaurant.waiter();
		String orderId = waiter
			.place(table, Line.of(waiter.firstAvailable("MAIN"), 2), Line.of(waiter.firstAvailable("DRINK"), 1))
			.id();
		waiter.awaitStatus(orderId, "READY");
		waiter.serve(orderId);
		return orderId;
	}

}
