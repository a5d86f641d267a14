package org.example.restaurant.gateway;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.gateway.ProblemAssertions.detailNaming;
import static org.example.restaurant.gateway.ProblemAssertions.gatewayProblem;

/**
 * What the gateway's retries do with a dead replica: the kitchen has two instances, one
 * of which refuses every connection (a killed process), and a live stub that records what
 * reaches it. The order-service stub answers 500 on {@code /api/orders/boom} and the
 * paths below it; the cashier's only instance is dead.
 */
@GatewayTest(dead = { "kitchen-service", "cashier-service" })
class GatewayRetryTests extends AbstractGatewayTests {

	/**
	 * The kitchen's second instance, after the dead one, and the order-service's only
	 * one.
	 */
	@RegisterExtension
	static final RecordingStub liveService = RecordingStub.of(List.of("kitchen-service", "order-service"),
			(exchange) -> StubServices.respond(exchange,
					exchange.getRequestURI().getRawPath().contains("/boom") ? 500 : 200, "application/json", "{}",
					"stub"));

	/** Every call here is a signed-in manager's, who may make them all (docs/api.md). */
	@BeforeEach
	void signIn() {
		this.http = this.http.mutate().defaultHeaders((headers) -> headers.setBearerAuth(TestTokens.manager())).build();
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
			.consumeWith(gatewayProblem(503, "Service unavailable", "/api/bills/x/payments")
				.andThen(detailNaming("cashier-service")));
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
