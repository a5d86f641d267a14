package org.example.restaurant.cashier;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.example.restaurant.cashier.bill.Bill;
import org.example.restaurant.cashier.bill.BillRepository;
import org.example.restaurant.cashier.bill.BillStatus;
import org.example.restaurant.cashier.messaging.OrderServiceClient;
import org.example.restaurant.platform.test.LocalServer;
import org.example.restaurant.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox at work in the whole service: the payment that covers a bill tells the
 * order-service after its transaction committed, and tells it again when the first
 * attempt failed. The order-service is replaced by a recording double.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "restaurant.outbox.resubmit-interval=200ms", "restaurant.outbox.first-retry-after=2s" })
@ActiveProfiles("test")
@Import(TestTokens.Decoder.class)
class PaidOrderOutboxTests {

	@LocalServerPort
	int port;

	@Autowired
	RecordingOrderService orderService;

	@Autowired
	JdbcTemplate jdbc;

	RestClient http;

	@BeforeEach
	void connect() {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.requestInterceptor(LocalServer.signedIn())
			.build();
	}

	@Test
	void tellsTheOrderServiceOnceTheCoveringPaymentCommitted() {
		UUID orderId = UUID.randomUUID();
		BillView bill = openBill(orderId);
		assertThat(bill.total()).hasToString("19.00");

		PaymentView first = pay(bill.id(), "{\"method\": \"CARD\", \"amount\": 10.00, \"tip\": 1.00}");
		PaymentView covering = pay(bill.id(), "{\"method\": \"CASH\", \"amount\": 9.00, \"tendered\": 10.00}");

		awaitPublicationCompletedFor(bill.id());
		assertThat(this.orderService.callsFor(orderId)).singleElement().satisfies((call) -> {
			assertThat(call.billId()).isEqualTo(bill.id());
			assertThat(call.at()).isEqualTo(covering.paidAt());
			assertThat(call.billStatusSeenByAnotherTransaction()).as("sent after commit").isEqualTo(BillStatus.PAID);
		});
		BillView paid = this.http.get().uri("/api/bills/{id}", bill.id()).retrieve().body(BillView.class);
		assertThat(paid.status()).isEqualTo(BillStatus.PAID);
		assertThat(paid.balanceDue()).hasToString("0.00");
		assertThat(paid.payments()).extracting(PaymentView::id).containsExactly(first.id(), covering.id());
		assertThat(covering.change()).hasToString("1.00");
	}

	@Test
	void tellsTheOrderServiceAgainAfterAFailedAttempt() {
		UUID orderId = UUID.randomUUID();
		this.orderService.failNextCallsFor(orderId, 1);
		BillView bill = openBill(orderId);

		pay(bill.id(), "{\"method\": \"CARD\", \"amount\": 19.00}");

		awaitPublicationCompletedFor(bill.id());
		assertThat(this.orderService.callsFor(orderId)).hasSizeGreaterThanOrEqualTo(2).satisfies((calls) -> {
			assertThat(calls.get(0).succeeded()).as("first attempt").isFalse();
			assertThat(calls.get(calls.size() - 1).succeeded()).as("last attempt").isTrue();
			assertThat(calls).allSatisfy((call) -> assertThat(call.billId()).isEqualTo(bill.id()));
		});
	}

	@Test
	void opensOneBillWhenTheSameOrderArrivesTwiceAtOnce() {
		UUID orderId = UUID.randomUUID();
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<ResponseEntity<BillView>>> requests = List.of(1, 2)
			.stream()
			.map((n) -> CompletableFuture.supplyAsync(() -> {
				awaitQuietly(start);
				return this.http.post()
					.uri("/internal/bills")
					.contentType(MediaType.APPLICATION_JSON)
					.body(openBillBody(orderId))
					.retrieve()
					.toEntity(BillView.class);
			}))
			.toList();
		start.countDown();

		List<ResponseEntity<BillView>> responses = requests.stream().map(CompletableFuture::join).toList();

		assertThat(responses).extracting(ResponseEntity::getStatusCode)
			.containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.OK);
		assertThat(responses).extracting((response) -> response.getBody().id())
			.containsOnly(responses.get(0).getBody().id());
		assertThat(this.jdbc.queryForObject("select count(*) from bill where order_id = ?", Integer.class, orderId))
			.isEqualTo(1);
	}

	private BillView openBill(UUID orderId) {
		ResponseEntity<BillView> response = this.http.post()
			.uri("/internal/bills")
			.contentType(MediaType.APPLICATION_JSON)
			.body(openBillBody(orderId))
			.retrieve()
			.toEntity(BillView.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return response.getBody();
	}

	private static String openBillBody(UUID orderId) {
		return """
				{"orderId": "%s", "table": "T4", "lines": [{"name": "Margherita", "quantity": 2, "unitPrice": 9.50}]}
				""".formatted(orderId);
	}

	private PaymentView pay(UUID billId, String body) {
		ResponseEntity<PaymentView> response = this.http.post()
			.uri("/api/bills/{id}/payments", billId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(PaymentView.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return response.getBody();
	}

	private void awaitPublicationCompletedFor(UUID billId) {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.jdbc.queryForList(
					"select completion_date from event_publication where serialized_event like ?", "%" + billId + "%"))
				.singleElement()
				.satisfies((row) -> assertThat(row.get("COMPLETION_DATE")).isNotNull()));
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record BillView(UUID id, UUID orderId, BillStatus status, BigDecimal total, BigDecimal balanceDue,
			List<PaymentView> payments) {
	}

	record PaymentView(UUID id, BigDecimal amount, BigDecimal change, Instant paidAt) {
	}

	record Call(UUID orderId, UUID billId, Instant at, BillStatus billStatusSeenByAnotherTransaction,
			boolean succeeded) {
	}

	/**
	 * Stands in for the order-service: records every attempt with the bill's status as
	 * another transaction sees it at that moment, and fails on demand.
	 */
	static class RecordingOrderService implements OrderServiceClient {

		private final BillRepository bills;

		private final List<Call> calls = new CopyOnWriteArrayList<>();

		private final Map<UUID, AtomicInteger> failuresToCome = new ConcurrentHashMap<>();

		RecordingOrderService(BillRepository bills) {
			this.bills = bills;
		}

		void failNextCallsFor(UUID orderId, int times) {
			this.failuresToCome.put(orderId, new AtomicInteger(times));
		}

		List<Call> callsFor(UUID orderId) {
			return this.calls.stream().filter((call) -> call.orderId().equals(orderId)).toList();
		}

		@Override
		public void orderPaid(UUID orderId, UUID billId, Instant at) {
			BillStatus seen = this.bills.findById(billId).map(Bill::getStatus).orElse(null);
			boolean fail = this.failuresToCome.getOrDefault(orderId, new AtomicInteger()).getAndDecrement() > 0;
			this.calls.add(new Call(orderId, billId, at, seen, !fail));
			if (fail) {
				throw new IllegalStateException("order-service is down (test double)");
			}
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RecordingOrderServiceConfiguration {

		@Bean
		@Primary
		RecordingOrderService recordingOrderService(BillRepository bills) {
			return new RecordingOrderService(bills);
		}

	}

}
