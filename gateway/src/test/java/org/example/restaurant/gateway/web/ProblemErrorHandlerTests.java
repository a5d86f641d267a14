package org.example.restaurant.gateway.web;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import com.jayway.jsonpath.JsonPath;
import org.example.restaurant.gateway.GatewaySettings;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebInputException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The errors of {@link ProblemErrorHandler} that no request to a running gateway can
 * bring about on purpose: the unexpected one, and a 400 in the services' shape (no filter
 * of the gateway throws one; the gateway's one 400, a request target that is no URI, is
 * answered by {@link MalformedRequestTarget} with the same shape).
 */
class ProblemErrorHandlerTests {

	private final ProblemErrorHandler handler = new ProblemErrorHandler(ServerCodecConfigurer.create(),
			new GatewaySettings(DataSize.ofKilobytes(64), Duration.ofSeconds(5)));

	@Test
	void answersTheUnexpectedWithA500ProblemThatGivesNothingAway() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/menu?x=1"));

		this.handler.handle(exchange, new IllegalStateException("secret internals")).block();

		String json = problem(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "/api/menu");
		assertThat((String) JsonPath.read(json, "$.detail")).isNotBlank().doesNotContain("secret");
		assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isNull();
	}

	@Test
	void answersBadInputWithA400ProblemListingTheField() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/orders"));

		this.handler.handle(exchange, new ServerWebInputException("is not a number")).block();

		String json = problem(exchange, HttpStatus.BAD_REQUEST, "Invalid request", "/api/orders");
		assertThat((String) JsonPath.read(json, "$.detail")).isEqualTo("Invalid request: 'request' is not a number");
		assertThat((String) JsonPath.read(json, "$.errors[0].field")).isEqualTo("request");
		assertThat((String) JsonPath.read(json, "$.errors[0].message")).isEqualTo("is not a number");
		assertThat((Integer) JsonPath.read(json, "$.errors.length()")).isOne();
	}

	@Test
	void answersATimeOutAfterTheServicesHeadersWithoutThem() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/orders"));
		// the order-service's status line and headers came, then its body stopped
		exchange.getResponse().getHeaders().set("X-Instance-Id", "order-1");
		exchange.getResponse().getHeaders().set("Location", "/api/orders/42");
		exchange.getResponse().getHeaders().set("RateLimit", "limit=600, remaining=599, reset=60");
		exchange.getAttributes()
			.put(ServerWebExchangeUtils.CLIENT_RESPONSE_HEADER_NAMES, Set.of("X-Instance-Id", "Location"));

		this.handler.handle(exchange, new TimeoutException("read timed out")).block();

		problem(exchange, HttpStatus.GATEWAY_TIMEOUT, "Gateway timeout", "/api/orders");
		assertThat(exchange.getResponse().getHeaders().containsHeader("X-Instance-Id")).isFalse();
		assertThat(exchange.getResponse().getHeaders().containsHeader("Location")).isFalse();
		// the gateway's own
		assertThat(exchange.getResponse().getHeaders().getFirst("RateLimit"))
			.isEqualTo("limit=600, remaining=599, reset=60");
	}

	/**
	 * Asserts the problem's status, content type, title and instance.
	 * @return its JSON, for the checks of the test
	 */
	private static String problem(MockServerWebExchange exchange, HttpStatus status, String title, String instance) {
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(status);
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		String json = exchange.getResponse().getBodyAsString().block();
		assertThat((Integer) JsonPath.read(json, "$.status")).isEqualTo(status.value());
		assertThat((String) JsonPath.read(json, "$.title")).isEqualTo(title);
		assertThat((String) JsonPath.read(json, "$.instance")).isEqualTo(instance);
		return json;
	}

}
