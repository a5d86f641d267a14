package org.example.restaurant.cashier.bill;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.example.restaurant.cashier.Api;
import org.example.restaurant.cashier.CashierServiceTest;
import org.example.restaurant.cashier.RecordingOrderService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Payments on one bill at the same moment, through the running service and its database:
 * however they interleave, the payments stored never add up to more than the bill's
 * total, and a refused payment leaves no trace.
 */
@CashierServiceTest
class ConcurrentPaymentsTests {

	static final int CASHIERS = 10;

	@LocalServerPort
	int port;

	@Autowired
	Cashier cashier;

	@Autowired
	BillRepository bills;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	RecordingOrderService orderService;

	Api api;

	ExecutorService threads;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
		this.threads = Executors.newFixedThreadPool(CASHIERS);
	}

	@AfterEach
	void stopThreads() throws InterruptedException {
		this.threads.shutdownNow();
		this.threads.awaitTermination(10, TimeUnit.SECONDS);
	}

	@RepeatedTest(3)
	void takesExactlyWhatIsDueWhenTenCashiersPayATenthEachAtOnce() {
		Bill bill = openBill("50.00");

		List<Api.Reply> replies = payAtOnce(bill,
				IntStream.range(0, CASHIERS)
					.mapToObj((n) -> "{\"method\": \"CARD\", \"amount\": 10.00, \"tip\": 0.50}")
					.toList());

		List<Api.Reply> taken = replies.stream().filter((reply) -> reply.status() == 201).toList();
		assertThat(taken).as("five payments of 10.00 cover 50.00").hasSize(5);
		assertThat(replies).filteredOn((reply) -> reply.status() != 201)
			.as("the others find the bill paid")
			.hasSize(5)
			.allSatisfy((reply) -> assertThat(reply.status()).as(reply.body()).isEqualTo(409));
		assertStoredPaymentsAre(bill, taken, "50.00");
		assertThat(this.jdbc.queryForObject("select version from bill where id = ?", Integer.class, bill.getId()))
			.as("one change per payment taken, none for the refused")
			.isEqualTo(5);
		assertThat(this.jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
				Integer.class, "%" + bill.getId() + "%"))
			.as("one BillPaid")
			.isEqualTo(1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.orderService.timesToldPaid(bill.getOrderId())).isEqualTo(1));
	}

	@RepeatedTest(3)
	void takesOnlyOneOfSeveralPaymentsThatEachWouldCoverMostOfTheBill() {
		Bill bill = openBill("50.00");

		List<Api.Reply> replies = payAtOnce(bill,
				IntStream.range(0, 6)
					.mapToObj((n) -> (n % 2 == 0) ? "{\"method\": \"CARD\", \"amount\": 30.00}"
							: "{\"method\": \"CASH\", \"amount\": 30.00, \"tendered\": 50.00}")
					.toList());

		List<Api.Reply> taken = replies.stream().filter((reply) -> reply.status() == 201).toList();
		assertThat(taken).hasSize(1);
		assertThat(replies).filteredOn((reply) -> reply.status() != 201).hasSize(5).allSatisfy((reply) -> {
			assertThat(reply.status()).as(reply.body()).isEqualTo(422);
			assertThat(reply.json().path("balanceDue").decimalValue()).isEqualByComparingTo("20.00");
		});
		assertStoredPaymentsAre(bill, taken, "30.00");
		assertThat(this.jdbc.queryForObject("select status from bill where id = ?", String.class, bill.getId()))
			.isEqualTo("OPEN");
	}

	@Test
	void makesAPaymentWaitForTheOneBeforeItOnTheSameBillAndSeeItsBalance() throws Exception {
		Bill bill = openBill("50.00");
		CountDownLatch firstHoldsTheBill = new CountDownLatch(1);
		CountDownLatch letFirstFinish = new CountDownLatch(1);
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		Future<?> first = this.threads.submit(() -> transaction.executeWithoutResult((status) -> {
			this.bills.findForPayment(bill.getId()).orElseThrow();
			firstHoldsTheBill.countDown();
			await().atMost(Duration.ofSeconds(10)).until(() -> letFirstFinish.getCount() == 0);
			this.cashier.pay(bill.getId(), PaymentMethod.CARD, new BigDecimal("30.00"), null, null, "301");
		}));
		assertThat(firstHoldsTheBill.await(10, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Payment> second = CompletableFuture.supplyAsync(
				() -> this.cashier.pay(bill.getId(), PaymentMethod.CARD, new BigDecimal("30.00"), null, null, "301"),
				this.threads);

		await("the second payment to wait").during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.until(() -> !second.isDone());
		letFirstFinish.countDown();
		first.get(10, TimeUnit.SECONDS);
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> second.get(10, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(PaymentExceedsBalance.class)
			.satisfies((ex) -> assertThat(((PaymentExceedsBalance) ex).getBalanceDue()).isEqualByComparingTo("20.00"));
		assertThat(this.jdbc.queryForObject("select sum(amount) from payment where bill_id = ?", BigDecimal.class,
				bill.getId()))
			.isEqualByComparingTo("30.00");
	}

	private List<Api.Reply> payAtOnce(Bill bill, List<String> bodies) {
		CountDownLatch ready = new CountDownLatch(bodies.size());
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Api.Reply>> payments = bodies.stream()
			.map((body) -> CompletableFuture.supplyAsync(() -> {
				ready.countDown();
				awaitQuietly(go);
				return this.api.post("/api/bills/" + bill.getId() + "/payments", body);
			}, this.threads))
			.toList();
		awaitQuietly(ready);
		go.countDown();
		return payments.stream().map(CompletableFuture::join).toList();
	}

	private void assertStoredPaymentsAre(Bill bill, List<Api.Reply> taken, String sum) {
		List<String> storedIds = this.jdbc
			.queryForList("select id from payment where bill_id = ?", UUID.class, bill.getId())
			.stream()
			.map(UUID::toString)
			.toList();
		assertThat(storedIds).as("exactly the payments answered 201")
			.containsExactlyInAnyOrderElementsOf(
					taken.stream().map((reply) -> reply.json().path("id").asString()).toList());
		assertThat(this.jdbc.queryForObject("select sum(amount) from payment where bill_id = ?", BigDecimal.class,
				bill.getId()))
			.isEqualByComparingTo(sum)
			.isLessThanOrEqualTo(bill.getTotal());
		assertThat(this.jdbc.queryForObject("select paid from bill where id = ?", BigDecimal.class, bill.getId()))
			.isEqualByComparingTo(sum);
	}

	private Bill openBill(String total) {
		return this.cashier.open(UUID.randomUUID(), "T9", List.of(BillLine.of("Banquet", 1, new BigDecimal(total))))
			.bill();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
