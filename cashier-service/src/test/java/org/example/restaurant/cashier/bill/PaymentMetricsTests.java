package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.example.restaurant.cashier.Api;
import org.example.restaurant.cashier.CashierServiceTest;
import org.assertj.core.util.DoubleComparator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The cashier's business metrics, moved by the real {@link Cashier} and the API of the
 * running service on its database. The context is shared with other tests, so each test
 * looks at how far the counters moved.
 */
@CashierServiceTest
class PaymentMetricsTests extends BillsThroughTheApi {

	@Autowired
	MeterRegistry registry;

	@Autowired
	PlatformTransactionManager transactionManager;

	private Reading before;

	@BeforeEach
	void readTheCounters() {
		this.before = read();
	}

	@Test
	void aCardPaymentCountsOnceWithItsAmount() {
		Bill bill = openBill("19.00");

		this.cashier.pay(bill.getId(), PaymentMethod.CARD, new BigDecimal("12.50"), new BigDecimal("2.00"), null,
				Api.CASHIER);

		// the tip is no part of the amount
		assertMoved(1, 12.5, 0, 0);
	}

	@Test
	void eachPaymentOfASplitBillCountsUnderItsMethod() {
		Bill bill = openBill("19.00");

		this.cashier.pay(bill.getId(), PaymentMethod.CASH, new BigDecimal("4.25"), null, new BigDecimal("5.00"),
				Api.CASHIER);
		this.cashier.pay(bill.getId(), PaymentMethod.CASH, new BigDecimal("4.75"), null, null, Api.CASHIER);
		this.cashier.pay(bill.getId(), PaymentMethod.CARD, new BigDecimal("10.00"), null, null, Api.CASHIER);

		assertMoved(1, 10, 2, 9);
	}

	@Test
	void aRepeatedRequestCountsThePaymentOnce() {
		Bill bill = openBill("19.00");
		String key = UUID.randomUUID().toString();
		String path = "/api/bills/" + bill.getId() + "/payments";

		Api.Reply first = this.api.post(path, "{\"method\": \"CARD\", \"amount\": 12.50}", "Idempotency-Key", key);
		Api.Reply repeat = this.api.post(path, "{\"method\": \"CARD\", \"amount\": 12.50}", "Idempotency-Key", key);

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
		assertMoved(1, 12.5, 0, 0);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from event_publication where serialized_event like ? or event_type like ?",
				Integer.class, "%" + bill.getId() + "%", "%PaymentTaken%"))
			.as("a metric is no message: nothing in the outbox")
			.isZero();
	}

	@Test
	void countsNothingForAPaymentRolledBackOrRefused() {
		Bill bill = openBill("19.00");
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);

		transaction.executeWithoutResult((status) -> {
			this.cashier.pay(bill.getId(), PaymentMethod.CARD, new BigDecimal("12.50"), null, null, Api.CASHIER);
			status.setRollbackOnly();
		});
		assertThatExceptionOfType(PaymentExceedsBalance.class).isThrownBy(() -> this.cashier.pay(bill.getId(),
				PaymentMethod.CARD, new BigDecimal("19.01"), null, null, Api.CASHIER));
		assertThatExceptionOfType(CashTenderedTooLow.class).isThrownBy(() -> this.cashier.pay(bill.getId(),
				PaymentMethod.CASH, new BigDecimal("10.00"), null, new BigDecimal("9.00"), Api.CASHIER));
		Api.Reply invalid = this.api.post("/api/bills/" + bill.getId() + "/payments",
				"{\"method\": \"CARD\", \"amount\": 0}");

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(
				this.jdbc.queryForObject("select count(*) from payment where bill_id = ?", Integer.class, bill.getId()))
			.isZero();
		assertMoved(0, 0, 0, 0);
	}

	/**
	 * The counters moved by exactly these, the amounts to the cent (they are doubles).
	 */
	private void assertMoved(double cardPayments, double cardAmount, double cashPayments, double cashAmount) {
		assertThat(read().minus(this.before)).usingRecursiveComparison()
			.withComparatorForType(new DoubleComparator(0.001), Double.class)
			.isEqualTo(new Reading(cardPayments, cardAmount, cashPayments, cashAmount));
	}

	private Reading read() {
		return new Reading(count("restaurant.payments", PaymentMethod.CARD),
				count("restaurant.payments.amount", PaymentMethod.CARD),
				count("restaurant.payments", PaymentMethod.CASH),
				count("restaurant.payments.amount", PaymentMethod.CASH));
	}

	private double count(String name, PaymentMethod method) {
		return this.registry.get(name).tag("method", method.name()).counter().count();
	}

	/** How many card and cash payments were counted, and their amounts. */
	record Reading(double cardPayments, double cardAmount, double cashPayments, double cashAmount) {

		Reading minus(Reading earlier) {
			return new Reading(this.cardPayments - earlier.cardPayments, this.cardAmount - earlier.cardAmount,
					this.cashPayments - earlier.cashPayments, this.cashAmount - earlier.cashAmount);
		}

	}

}
