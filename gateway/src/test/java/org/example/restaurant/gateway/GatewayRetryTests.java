package org.example.restaurant.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.gateway.ProblemAssertions.gatewayProblem;

/**
 * What the gateway's retries do with a dead replica: the kitchen has two instances, one
 * of which refuses every connection (a killed process), and a live stub that records what
 * reaches it. The order-service stub answers 500 on {@code /api/orders/boom}; the
 * cashier's only instance is dead.
 */
@GatewayTest
class GatewayRetryTests {

	static final List<String> received = new CopyOnWriteArrayList<>();

	static final HttpServer liveService = startStub();

	@Autowired
	WebTestClient http;

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		String live = StubServices.uri(liveService);
		StubServices.register(registry, "kitchen-service", StubServices::deadInstance, () -> live);
		StubServices.register(registry, "order-service", () -> live);
		StubServices.register(registry, "cashier-service", StubServices::deadInstance);
	}

	@BeforeEach
	void forget() {
		received.clear();
	}

	@AfterAll
	static void stop() {
		liveService.stop(0);
	}

	@Test
	void getsNeverFailBecauseOneReplicaIsDead() {
		for (int i = 0; i < 10; i++) {
			this.http.get().uri("/api/kitchen/tickets").exchange().expectStatus().isOk();
		}
		assertThat(received).hasSize(10);
	}

	@Test
	void aPostMeetingOnlyDeadInstancesIsAnswered503NotA500() {
		this.http.post()
			.uri("/api/bills/x/payments")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.consumeWith(gatewayProblem(503, "Service unavailable", "/api/bills/x/payments"));
		assertThat(received).isEmpty();
	}

	@Test
	void postsAreRetriedOnAnotherReplicaWhenTheConnectionIsRefused() {
		for (int i = 0; i < 10; i++) {
			this.http.post().uri("/api/kitchen/tickets/" + i + "/start").exchange().expectStatus().isOk();
		}
		assertThat(received).hasSize(10).allMatch((line) -> line.startsWith("POST /api/kitchen/tickets/"));
	}

	@Test
	void aPostAnsweredWithAServerErrorIsNotSentAgain() {
		this.http.post().uri("/api/orders/boom").exchange().expectStatus().isEqualTo(500);
		assertThat(received).containsExactly("POST /api/orders/boom");
	}

	@Test
	void aGetAnsweredWithAServerErrorIsTriedAgain() {
		this.http.get().uri("/api/orders/boom").exchange().expectStatus().isEqualTo(500);
		assertThat(received).hasSize(3).containsOnly("GET /api/orders/boom");
	}

	private static HttpServer startStub() {
		return StubServices.start((exchange) -> {
			String path = exchange.getRequestURI().getRawPath();
			received.add(StubServices.requestLine(exchange));
			exchange.getRequestBody().readAllBytes();
			StubServices.respond(exchange, path.endsWith("/boom") ? 500 : 200, "application/json", "{}", "stub");
		});
	}

}
