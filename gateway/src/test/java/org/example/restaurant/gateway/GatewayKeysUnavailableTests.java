package org.example.restaurant.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.gateway.ProblemAssertions.detailNaming;
import static org.example.restaurant.gateway.ProblemAssertions.gatewayProblem;
import static org.example.restaurant.gateway.StubServices.json;

/**
 * A gateway that has never reached the staff-service's keys (its only instance refuses
 * connections): a token cannot be checked, which is a 503 with Retry-After, not a 500 and
 * not a 401 that would sign the person out; calls that need no token still work.
 */
@GatewayTest(dead = "staff-service")
class GatewayKeysUnavailableTests extends AbstractGatewayTests {

	@RegisterExtension
	static final RecordingStub orderService = RecordingStub.of("order-service", json("[]", "order-service:stub"));

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
