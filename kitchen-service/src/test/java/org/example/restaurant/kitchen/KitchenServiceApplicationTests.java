package org.example.restaurant.kitchen;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.example.restaurant.kitchen.messaging.OrderServiceClient;
import org.example.restaurant.platform.test.LocalServer;
import org.example.restaurant.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

/**
 * The whole kitchen replica: a ticket arrives, an automatic cook prepares it, and the
 * order-service hears about it from the outbox, after commit, and again after a failed
 * send. The outgoing client is replaced by a test double that records what it is asked to
 * send.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kitchen.auto-cook=true", "kitchen.time-scale=0.001", "kitchen.poll-interval=20ms",
				"restaurant.outbox.resubmit-interval=200ms", "restaurant.outbox.first-retry-after=200ms" })
@ActiveProfiles("test")
@Import(TestTokens.Decoder.class)
class KitchenServiceApplicationTests {

	static final String THIS_REPLICA = "kitchen-service:local";

	@LocalServerPort
	int port;

	@MockitoBean
	OrderServiceClient orders;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	RestClient http;

	@BeforeEach
	void setUp() {
		this.http = LocalServer.restClient(this.port);
	}

	@Test
	void cooksAReceivedTicketToReadyAndTellsTheOrderServiceAfterCommitAndAgainAfterAFailure() {
		UUID orderId = UUID.randomUUID();
		List<String> statusWhenPreparingWasSent = new CopyOnWriteArrayList<>();
		List<String> statusWhenReadyWasSent = new CopyOnWriteArrayList<>();
		AtomicInteger preparingAttempts = new AtomicInteger();
		willAnswer((invocation) -> {
			statusWhenPreparingWasSent.add(committedStatus(orderId));
			if (preparingAttempts.incrementAndGet() == 1) {
				throw new ResourceAccessException("order-service is down");
			}
			return null;
		}).given(this.orders).preparing(eq(orderId), any());
		willAnswer((invocation) -> statusWhenReadyWasSent.add(committedStatus(orderId))).given(this.orders)
			.ready(eq(orderId), any());

		ResponseEntity<TicketView> created = this.http.post()
			.uri("/internal/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"orderId": "%s", "table": "T7", "placedAt": "2026-11-25T19:00:00Z",
					 "items": [{"name": "Margherita", "quantity": 1, "prepSeconds": 240},
					           {"name": "Tiramisu", "quantity": 2, "note": "two spoons", "prepSeconds": 60}]}
					""".formatted(orderId))
			.retrieve()
			.toEntity(TicketView.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		UUID ticketId = created.getBody().id();

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(ticket(ticketId)).extracting(TicketView::status, TicketView::preparedBy)
				.containsExactly("READY", THIS_REPLICA));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			// Delivery is at least once: the outbox may send again while a first attempt
			// is
			// still on its way, which the order-service's receivers shrug off.
			verify(this.orders, atLeast(2)).preparing(eq(orderId), argThat((news) -> news.ticketId().equals(ticketId)
					&& news.preparedBy().equals(THIS_REPLICA) && news.at() != null));
			verify(this.orders, atLeastOnce()).ready(eq(orderId),
					argThat((news) -> news.ticketId().equals(ticketId) && news.preparedBy().equals(THIS_REPLICA)));
		});
		assertThat(statusWhenPreparingWasSent).hasSizeGreaterThanOrEqualTo(2).doesNotContain("QUEUED");
		assertThat(statusWhenReadyWasSent).isNotEmpty().containsOnly("READY");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.jdbc
				.queryForObject("select count(*) from event_publication where completion_date is null", Long.class))
				.isZero());
		assertThat(this.jdbc.queryForObject("select count(*) from event_publication where completion_date is not null",
				Long.class))
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void answersTheSameOrderTwiceWithTheSameTicket() {
		UUID orderId = UUID.randomUUID();
		String body = """
				{"orderId": "%s", "table": "T2", "items": [{"name": "Espresso", "quantity": 1, "prepSeconds": 30}]}
				""".formatted(orderId);

		ResponseEntity<TicketView> first = post(body);
		ResponseEntity<TicketView> second = post(body);

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(second.getBody().id()).isEqualTo(first.getBody().id());
	}

	@Test
	void showsTheClusterWithoutARegistry() {
		ResponseEntity<String> cluster = this.http.get().uri("/api/kitchen/cluster").retrieve().toEntity(String.class);

		assertThat(cluster.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(cluster.getHeaders().getFirst("X-Instance-Id")).isEqualTo(THIS_REPLICA);
		assertThat(cluster.getBody()).contains("\"instanceId\":\"" + THIS_REPLICA + "\"", "\"status\":\"UP\"",
				"\"port\":" + this.port);
	}

	@Test
	void answersAnUnknownPathWithAProblemFromThisReplica() {
		ResponseEntity<String> missing = this.http.get().uri("/api/kitchen/nothing").retrieve().toEntity(String.class);

		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(missing.getHeaders().getFirst("X-Instance-Id")).isEqualTo(THIS_REPLICA);
	}

	@Test
	void reportsItsHealth() {
		ResponseEntity<String> health = this.http.get().uri("/actuator/health").retrieve().toEntity(String.class);

		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody()).contains("\"status\":\"UP\"");
	}

	private ResponseEntity<TicketView> post(String body) {
		return this.http.post()
			.uri("/internal/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(TicketView.class);
	}

	private TicketView ticket(UUID id) {
		return this.http.get().uri("/api/kitchen/tickets/{id}", id).retrieve().body(TicketView.class);
	}

	/**
	 * The ticket's status as another connection sees it, that is, as committed.
	 */
	private String committedStatus(UUID orderId) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement query = connection.prepareStatement("select status from ticket where order_id = ?")) {
			query.setObject(1, orderId);
			try (ResultSet result = query.executeQuery()) {
				return result.next() ? result.getString(1) : "ABSENT";
			}
		}
	}

	record TicketView(UUID id, String status, String preparedBy) {
	}

}
