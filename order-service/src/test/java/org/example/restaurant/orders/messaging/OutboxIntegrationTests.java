package org.example.restaurant.orders.messaging;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.example.restaurant.orders.messaging.StubServices.Received;
import org.example.restaurant.platform.test.LocalServer;
import org.example.restaurant.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox end to end: orders placed, cancelled and served over HTTP, messages (and the
 * synchronous cancellation) delivered through the load-balanced client to stub kitchen
 * and cashier services that the registry (here the simple discovery client) points at.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.discovery.enabled=true", "restaurant.outbox.resubmit-interval=100ms",
				"restaurant.outbox.first-retry-after=1s", "restaurant.outbox.max-backoff=1s",
				"restaurant.outbox.stuck-after=2s", "restaurant.outbox.pacing.limit=1",
				"restaurant.outbox.pacing.max-wait=30s" })
@ActiveProfiles("test")
@Import(TestTokens.Decoder.class)
class OutboxIntegrationTests {

	private static final StubServices stub = StubServices.start();

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	private RestClient api;

	@DynamicPropertySource
	static void otherServices(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.kitchen-service[0].uri", stub::uri);
		registry.add("spring.cloud.discovery.client.simple.instances.cashier-service[0].uri", stub::uri);
	}

	@BeforeEach
	void setUp() {
		// the JDK client, because Apache's would itself re-send a request answered 503
		// with Retry-After, and hide the answer under test
		this.api = RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port)
			.requestInterceptor(LocalServer.signedIn())
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
		stub.lookUpOrderStatusWith((orderId) -> this.jdbc.query("select status from orders where id = ?",
				(rs) -> rs.next() ? rs.getString(1) : null, UUID.fromString(orderId)));
	}

	@Test
	void sendsTheTicketAfterTheOrderIsCommitted() {
		String orderId = place("T1", "margherita", 2, "no basil");

		List<Received> tickets = awaitMessages("/internal/tickets", orderId, 1);

		Received ticket = tickets.get(0);
		assertThat(ticket.orderStatusAtArrival()).as("order visible to others when the ticket left")
			.isEqualTo("PLACED");
		assertThat(ticket.contentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
		DocumentContext json = JsonPath.parse(ticket.body());
		assertThat(json.read("$.orderId", String.class)).isEqualTo(orderId);
		assertThat(json.read("$.table", String.class)).isEqualTo("T1");
		assertThat(json.read("$.placedAt", String.class)).isNotBlank();
		assertThat(json.read("$.items[0].name", String.class)).isEqualTo("Pizza Margherita");
		assertThat(json.read("$.items[0].quantity", Integer.class)).isEqualTo(2);
		assertThat(json.read("$.items[0].note", String.class)).isEqualTo("no basil");
		assertThat(json.read("$.items[0].prepSeconds", Integer.class)).isEqualTo(600);
		awaitPublicationCompleted("KitchenMessenger", orderId);
	}

	@Test
	void aRushedOrderWaitsForTheTicketAheadOfItBeforeItChangesAnything() throws Exception {
		CountDownLatch kitchenAnswers = stub.holdNext((request) -> request.body().contains("\"T1-ahead\""));
		double pacedBefore = pacedWithRoom();
		String ahead;
		CompletableFuture<String> rushed;
		try {
			ahead = place("T1-ahead", "margherita", 1, null);
			// its first attempt, and the outbox's re-sends of it once they are due
			await().atMost(PATIENCE).until(() -> sending() >= 1);
			rushed = CompletableFuture.supplyAsync(() -> place("T1-rushed", "espresso", 1, null));
			await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> !rushed.isDone());
			assertThat(this.jdbc.queryForObject("select count(*) from orders where table_label = 'T1-rushed'",
					Integer.class))
				.as("nothing written while it waits")
				.isZero();
		}
		finally {
			kitchenAnswers.countDown();
		}
		String placed = rushed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		awaitMessages("/internal/tickets", ahead, 1);
		awaitMessages("/internal/tickets", placed, 1);
		assertThat(pacedWithRoom()).as("requests that waited and found room").isGreaterThan(pacedBefore);
	}

	private double pacedWithRoom() {
		List<Double> count = JsonPath.parse(get("/actuator/metrics/restaurant.outbox.pacing?tag=outcome:room"))
			.read("$.measurements[?(@.statistic == 'COUNT')].value");
		return count.get(0);
	}

	private double sending() {
		return JsonPath.parse(get("/actuator/metrics/restaurant.outbox.sending"))
			.read("$.measurements[0].value", Double.class);
	}

	@Test
	void sendsTheTicketAgainAfterTheKitchenFailed() {
		stub.failNext((request) -> request.body().contains("\"T2-retry\""), 503);

		String orderId = place("T2-retry", "espresso", 1, null);

		List<Received> tickets = awaitMessages("/internal/tickets", orderId, 2);
		assertThat(tickets.get(1).body()).isEqualTo(tickets.get(0).body());
		awaitPublicationCompleted("KitchenMessenger", orderId);
		assertThat(this.jdbc.queryForList(
				"select last_resubmission_date from event_publication where serialized_event like ?", Object.class,
				"%" + orderId + "%"))
			.as("re-sent by the outbox, not by the HTTP client")
			.singleElement()
			.isNotNull();
	}

	@Test
	void showsAStuckMessageInHealthAndMetricsUntilTheKitchenTakesIt() {
		for (int failure = 0; failure < 5; failure++) {
			stub.failNext((request) -> request.body().contains("\"T2-stuck\""), 503);
		}

		String orderId = place("T2-stuck", "espresso", 1, null);

		await().atMost(PATIENCE).untilAsserted(() -> {
			DocumentContext health = JsonPath.parse(get("/actuator/health/outbox"));
			assertThat(health.read("$.status", String.class)).isEqualTo("UP");
			assertThat(health.read("$.details.pending", Integer.class)).isPositive();
			assertThat(health.read("$.details.stuck", Integer.class)).isPositive();
			assertThat(health.read("$.details.oldestSince", String.class)).isNotBlank();
			// in the same poll: the message may go through a moment later
			assertThat(JsonPath.parse(get("/actuator/metrics/restaurant.outbox.stuck"))
				.read("$.measurements[0].value", Double.class)).isPositive();
		});
		awaitPublicationCompleted("KitchenMessenger", orderId);
		// five refusals, then accepted (a slow first attempt may rarely be doubled)
		List<Received> sent = stub.received("/internal/tickets", orderId);
		assertThat(sent).hasSizeGreaterThanOrEqualTo(6);
		assertThat(this.jdbc.queryForObject(
				"select completion_attempts from event_publication where serialized_event like ?", Integer.class,
				"%" + orderId + "%"))
			.as("every send counted as an attempt of the outbox")
			.isEqualTo(sent.size());
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(
					JsonPath.parse(get("/actuator/health/outbox")).read("$.details.stuck", Integer.class))
				.isZero());
	}

	@Test
	void cancelsTheOrderOnlyAfterTheKitchenCancelledItsTicket() {
		String orderId = place("T3", "tiramisu", 1, null);

		ResponseEntity<String> cancelled = cancel(orderId);

		assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(JsonPath.parse(cancelled.getBody()).read("$.status", String.class)).isEqualTo("CANCELLED");
		List<Received> cancels = stub.received("/internal/tickets/by-order/" + orderId + "/cancel", orderId);
		assertThat(cancels).singleElement()
			.extracting(Received::orderStatusAtArrival)
			.as("asked before the order changed")
			.isEqualTo("PLACED");
		assertThat(statusOf(orderId)).isEqualTo("CANCELLED");
	}

	@Test
	void keepsTheOrderWhenTheKitchenSaysACookStarted() {
		String orderId = place("T3-late", "tiramisu", 1, null);

		ResponseEntity<String> refused = cancelWhileTheKitchenAnswers(409, orderId);

		assertRefusedAndStillPlaced(refused, HttpStatus.CONFLICT, orderId);
		assertThat(JsonPath.parse(refused.getBody()).read("$.detail", String.class)).contains("a cook already started");
	}

	@Test
	void keepsTheOrderAndAsksToRetryWhenTheKitchenCannotConfirm() {
		String orderId = place("T3-busy", "tiramisu", 1, null);

		ResponseEntity<String> unavailable = cancelWhileTheKitchenAnswers(503, orderId);

		assertRefusedAndStillPlaced(unavailable, HttpStatus.SERVICE_UNAVAILABLE, orderId);
		assertThat(unavailable.getHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(cancel(orderId).getStatusCode()).as("a retry goes through").isEqualTo(HttpStatus.OK);
	}

	@Test
	void opensTheBillOnceTheOrderIsServed() {
		String orderId = place("T4", "carbonara", 2, null);
		ResponseEntity<Void> ready = this.api.post()
			.uri("/internal/orders/{id}/ready", orderId)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"ticketId\": \"t-1\", \"preparedBy\": \"kitchen-service:k1\"}")
			.retrieve()
			.toBodilessEntity();
		assertThat(ready.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		ResponseEntity<String> served = this.api.post()
			.uri("/api/orders/{id}/serve", orderId)
			.retrieve()
			.toEntity(String.class);

		assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(served.getHeaders().getFirst("X-Instance-Id")).isEqualTo("order-service:local");
		Received bill = awaitMessages("/internal/bills", orderId, 1).get(0);
		assertThat(bill.orderStatusAtArrival()).isEqualTo("SERVED");
		DocumentContext json = JsonPath.parse(bill.body());
		assertThat(json.read("$.table", String.class)).isEqualTo("T4");
		assertThat(json.read("$.lines[0].name", String.class)).isEqualTo("Spaghetti Carbonara");
		assertThat(json.read("$.lines[0].quantity", Integer.class)).isEqualTo(2);
		assertThat(bill.body()).contains("\"unitPrice\":12.50");
		awaitPublicationCompleted("CashierMessenger", orderId);
	}

	@Test
	void givesUpOnAMessageTheReceiverCanNeverAccept() {
		stub.failNext((request) -> request.body().contains("\"T5-bad\""), 400);

		String orderId = place("T5-bad", "lemonade", 1, null);

		awaitPublicationCompleted("KitchenMessenger", orderId);
		assertThat(stub.received("/internal/tickets", orderId)).hasSize(1);
	}

	@Test
	void storesNothingAndSendsNothingForAnOrderThatIsRefused() {
		ResponseEntity<String> refused = this.api.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"table\": \"T6\", \"items\": [{\"menuItemId\": \"pizza-hawaii\", \"quantity\": 1}]}")
			.retrieve()
			.toEntity(String.class);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.jdbc.queryForObject("select count(*) from orders where table_label = 'T6'", Integer.class))
			.isZero();
	}

	private String place(String table, String menuItemId, int quantity, String note) {
		String item = (note != null)
				? "{\"menuItemId\": \"%s\", \"quantity\": %d, \"note\": \"%s\"}".formatted(menuItemId, quantity, note)
				: "{\"menuItemId\": \"%s\", \"quantity\": %d}".formatted(menuItemId, quantity);
		ResponseEntity<String> response = this.api.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"table\": \"%s\", \"items\": [%s]}".formatted(table, item))
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String orderId = JsonPath.parse(response.getBody()).read("$.id", String.class);
		assertThat(response.getHeaders().getLocation()).hasToString("/api/orders/" + orderId);
		return orderId;
	}

	private String get(String path) {
		return this.api.get().uri(path).retrieve().body(String.class);
	}

	private ResponseEntity<String> cancel(String orderId) {
		return this.api.post().uri("/api/orders/{id}/cancel", orderId).retrieve().toEntity(String.class);
	}

	/**
	 * Cancels the order while the kitchen answers its next cancellation with this status.
	 */
	private ResponseEntity<String> cancelWhileTheKitchenAnswers(int status, String orderId) {
		stub.failNext((request) -> request.path().endsWith(orderId + "/cancel"), status);
		return cancel(orderId);
	}

	/**
	 * The cancellation was refused with a problem of this status, and the order is still
	 * placed.
	 */
	private void assertRefusedAndStillPlaced(ResponseEntity<String> answer, HttpStatus status, String orderId) {
		assertThat(answer.getStatusCode()).isEqualTo(status);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(statusOf(orderId)).isEqualTo("PLACED");
	}

	private String statusOf(String orderId) {
		return this.jdbc.queryForObject("select status from orders where id = ?", String.class,
				UUID.fromString(orderId));
	}

	private List<Received> awaitMessages(String path, String orderId, int atLeast) {
		return await().atMost(PATIENCE)
			.until(() -> stub.received(path, orderId), (messages) -> messages.size() >= atLeast);
	}

	private void awaitPublicationCompleted(String listener, String orderId) {
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.jdbc.queryForList(
					"select completion_date from event_publication where serialized_event like ? and (listener_id like ? or event_type like ?)",
					Object.class, "%" + orderId + "%", "%" + listener + "%", "%" + listener + "%"))
				.isNotEmpty()
				.doesNotContainNull());
	}

}
