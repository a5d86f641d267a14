package org.example.restaurant.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.gateway.ProblemAssertions.gatewayProblem;

/**
 * What the gateway's retries do with a dead replica: the kitchen has two instances, one
 * of which refuses every connection (a killed process), and a live stub that records what
 * reaches it. The order-service stub answers 500 on {@code /api/orders/boom} and the
 * paths below it; the cashier's only instance is dead.
 */
@GatewayTest
class GatewayRetryTests {

	@RegisterExtension
	static final RecordingStub liveService = RecordingStub.answering((exchange) -> StubServices.respond(exchange,
			exchange.getRequestURI().getRawPath().contains("/boom") ? 500 : 200, "application/json", "{}", "stub"));

	@Autowired
	WebTestClient http;

	/** Every call here is a signed-in manager's, who may make them all (docs/api.md). */
	@BeforeEach
	void signIn() {
		this.http = this.http.mutate().defaultHeaders((headers) -> headers.setBearerAuth(TestTokens.manager())).build();
	}

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		StubServices.register(registry, "kitchen-service", StubServices::deadInstance, liveService::uri);
		StubServices.register(registry, "order-service", liveService::uri);
		StubServices.register(registry, "cashier-service", StubServices::deadInstance);
		StubServices.register(registry, "staff-service", StubServices::keys);
	}

	@Test
	void getsNeverFailBecauseOneReplicaIsDead() {
		for (int i = 0; i < 10; i++) {
			this.http.get().uri("/api/kitchen/tickets").exchange().expectStatus().isOk();
		}
		assertThat(liveService.received()).hasSize(10);
	}

	@Test
	void aPostMeetingOnlyDeadInstancesIsAnswered503NotA500() {
		this.http.post()
			.uri("/api/bills/x/payments")
			.exchange()
			.expectBody()
			.consumeWith(gatewayProblem(503, "Service unavailable", "/api/bills/x/payments"));
		assertThat(liveService.received()).isEmpty();
	}

	@Test
	void postsAreRetriedOnAnotherReplicaWhenTheConnectionIsRefused() {
		for (int i = 0; i < 10; i++) {
			this.http.post().uri("/api/kitchen/tickets/" + i + "/start").exchange().expectStatus().isOk();
		}
		assertThat(liveService.received()).hasSize(10)
			.allMatch((line) -> line.startsWith("POST /api/kitchen/tickets/"));
	}

	@Test
	void aPostAnsweredWithAServerErrorIsNotSentAgain() {
		this.http.post().uri("/api/orders/boom/serve").exchange().expectStatus().isEqualTo(500);
		assertThat(liveService.received()).containsExactly("POST /api/orders/boom/serve");
	}

	@Test
	void aGetAnsweredWithAServerErrorIsTriedAgain() {
		this.http.get().uri("/api/orders/boom").exchange().expectStatus().isEqualTo(500);
		assertThat(liveService.received()).hasSize(3).containsOnly("GET /api/orders/boom");
	}

}
