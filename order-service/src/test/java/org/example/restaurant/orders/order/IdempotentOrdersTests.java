package org.example.restaurant.orders.order;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on {@code POST /api/orders}, through the running service and
 * its database: a repeat places nothing more and gets the first answer; the key with
 * another order is refused; duplicates at the same moment place one order.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestTokens.Decoder.class)
class IdempotentOrdersTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	private RestClient api;

	@BeforeEach
	void setUp() {
		this.api = LocalServer.restClient(this.port);
	}

	@Test
	void answersARepeatWithTheFirstResponseAndPlacesNothingMore() {
		String key = UUID.randomUUID().toString();

		ResponseEntity<String> first = place(key, order("I1", 2));
		ResponseEntity<String> repeat = place(key, """
				{ "items": [ {"quantity": 2, "menuItemId": "margherita"} ],
				  "table": "I1" }""");

		assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
		assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isNull();
		assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(repeat.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(repeat.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
		assertThat(repeat.getHeaders().getContentType()).isNotNull()
			.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue());
		assertThat(idOf(repeat)).isEqualTo(idOf(first));
		assertThat(repeat.getBody()).isEqualTo(first.getBody());
		assertThat(ordersAt("I1")).isEqualTo(1);
	}

	@Test
	void refusesTheKeyWithAnotherOrderAndStoresNothing() {
		String key = UUID.randomUUID().toString();
		ResponseEntity<String> first = place(key, order("I2", 1));

		ResponseEntity<String> other = place(key, order("I2-other", 3));

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(other.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(other.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(other.getBody()).contains("Idempotency-Key");
		assertThat(ordersAt("I2")).isEqualTo(1);
		assertThat(ordersAt("I2-other")).isZero();
	}

	@Test
	void placesOneOrderForDuplicatesSentAtTheSameMoment() throws Exception {
		String key = UUID.randomUUID().toString();
		int clients = 6;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<ResponseEntity<String>>> duplicates = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			duplicates.add(() -> {
				start.await();
				return place(key, order("I3", 1));
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<ResponseEntity<String>> responses = new ArrayList<>();
		try {
			List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
			for (Callable<ResponseEntity<String>> duplicate : duplicates) {
				futures.add(pool.submit(duplicate));
			}
			start.countDown();
			for (Future<ResponseEntity<String>> future : futures) {
				responses.add(future.get(30, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(responses).extracting(ResponseEntity::getStatusCode)
			.allMatch((status) -> status == HttpStatus.CREATED || status == HttpStatus.CONFLICT)
			.contains(HttpStatus.CREATED);
		assertThat(responses.stream()
			.filter((response) -> response.getStatusCode() == HttpStatus.CREATED)
			.map(this::idOf)
			.distinct()).hasSize(1);
		assertThat(ordersAt("I3")).isEqualTo(1);
		ResponseEntity<String> later = place(key, order("I3", 1));
		assertThat(later.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(later.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void refusesAMalformedKeyAndStoresNothing() {
		ResponseEntity<String> refused = place("caf\u00e9", order("I4", 1));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(JsonPath.parse(refused.getBody()).read("$.errors[0].field", String.class))
			.isEqualTo("Idempotency-Key");
		assertThat(ordersAt("I4")).isZero();
	}

	@Test
	void letsAKeyBeUsedAgainAfterItsFirstRequestWasRefused() {
		String key = UUID.randomUUID().toString();

		ResponseEntity<String> refused = place(key,
				"{\"table\": \"I5\", \"items\": [{\"menuItemId\": \"pizza-hawaii\", \"quantity\": 1}]}");
		ResponseEntity<String> retried = place(key, order("I5", 1));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(retried.getHeaders().getFirst("Idempotent-Replayed")).isNull();
		assertThat(ordersAt("I5")).isEqualTo(1);
	}

	private static String order(String table, int quantity) {
		return "{\"table\": \"%s\", \"items\": [{\"menuItemId\": \"margherita\", \"quantity\": %d}]}".formatted(table,
				quantity);
	}

	private ResponseEntity<String> place(String key, String body) {
		return this.api.post()
			.uri("/api/orders")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(String.class);
	}

	private String idOf(ResponseEntity<String> response) {
		return JsonPath.parse(response.getBody()).read("$.id", String.class);
	}

	private int ordersAt(String table) {
		return this.jdbc.queryForObject("select count(*) from orders where table_label = ?", Integer.class, table);
	}

}
