package org.example.restaurant.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.gateway.ProblemAssertions.detailNaming;
import static org.example.restaurant.gateway.ProblemAssertions.gatewayProblem;

/**
 * A gateway that has never reached the staff-service's keys (its only instance refuses
 * connections): a token cannot be checked, which is a 503 with Retry-After, not a 500 and
 * not a 401 that would sign the person out; calls that need no token still work.
 */
@GatewayTest
class GatewayKeysUnavailableTests {

	@RegisterExtension
	static final RecordingStub orderService = RecordingStub
		.answering((exchange) -> StubServices.respond(exchange, 200, "application/json", "[]", "order-service:stub"));

	@Autowired
	WebTestClient http;

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		StubServices.register(registry, "order-service", orderService::uri);
		StubServices.register(registry, "staff-service", StubServices::deadInstance);
	}

	@Test
	void answersATokenItCannotCheckWith503() {
		this.http.get()
			.uri("/api/orders")
			.headers((headers) -> headers.setBearerAuth(TestTokens.waiter()))
			.exchange()
			.expectBody()
			.consumeWith(
					gatewayProblem(503, "Service unavailable", "/api/orders").andThen(detailNaming("staff-service")));
		assertThat(orderService.received()).isEmpty();
	}

	@Test
	void stillServesTheMenuToAnyone() {
		this.http.get().uri("/api/menu").exchange().expectStatus().isOk();
		assertThat(orderService.received()).containsExactly("GET /api/menu");
	}

}
