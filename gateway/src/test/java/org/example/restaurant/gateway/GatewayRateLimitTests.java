package org.example.restaurant.gateway;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.gateway.ProblemAssertions.assertGatewayProblem;
import static org.example.restaurant.gateway.ProblemAssertions.gatewayProblem;

/**
 * The gateway's rate limits, in memory, with a small limit: three requests a minute per
 * person and per address. Each test uses people (staff numbers) and client addresses of
 * its own (127.0.0.x: the whole loopback range reaches the gateway), as the buckets last
 * the minute.
 */
@GatewayTest
@TestPropertySource(properties = { "gateway.rate-limit.per-person=3", "gateway.rate-limit.per-address=3" })
class GatewayRateLimitTests extends AbstractGatewayTests {

	static final Pattern RATE_LIMIT = Pattern.compile("\"(per-person|per-address)\";r=(\\d+);t=(\\d+)");

	@RegisterExtension
	static final RecordingStub services = RecordingStub.of("order-service", StubServices.json("[]", "stub"));

	@LocalServerPort
	int port;

	@Test
	void countsDownEachPersonsRequestsInTheHeadersThenAnswers429WithRetryAfter() {
		String token = TestTokens.staff("1001", "WAITER");
		for (int left = 2; left >= 0; left--) {
			HttpHeaders headers = ordersAs(token).expectStatus()
				.isOk()
				.expectBody()
				.returnResult()
				.getResponseHeaders();
			assertThat(headers.getFirst("RateLimit-Policy")).isEqualTo("\"per-person\";q=3;w=60");
			assertThat(remaining(headers.getFirst("RateLimit"), "per-person")).isEqualTo(left);
		}
		EntityExchangeResult<byte[]> refused = ordersAs(token).expectBody()
			.consumeWith(gatewayProblem(429, "Too many requests", "/api/orders"))
			.returnResult();

		HttpHeaders headers = refused.getResponseHeaders();
		long retryAfter = Long.parseLong(headers.getFirst(HttpHeaders.RETRY_AFTER));
		assertThat(retryAfter).isBetween(1L, 60L);
		assertThat(headers.getFirst("RateLimit-Policy")).isEqualTo("\"per-person\";q=3;w=60");
		assertThat(headers.getFirst("RateLimit")).isEqualTo("\"per-person\";r=0;t=" + retryAfter);
		// The refusal is traced like any answer (docs/observability.md).
		assertThat(headers.getFirst("X-Trace-Id")).matches("[0-9a-f]{32}");
		assertThat(services.received()).hasSize(3);
	}

	@Test
	void givesEachPersonABucketOfTheirOwn() {
		String waiter = TestTokens.staff("1002", "WAITER");
		for (int i = 0; i < 3; i++) {
			ordersAs(waiter).expectStatus().isOk();
		}
		ordersAs(waiter).expectStatus().isEqualTo(429);

		String otherWaiter = TestTokens.staff("1003", "WAITER");
		HttpHeaders headers = ordersAs(otherWaiter).expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseHeaders();
		assertThat(remaining(headers.getFirst("RateLimit"), "per-person")).isEqualTo(2);
		// The same person with a fresh token is still the same person.
		ordersAs(TestTokens.staff("1002", "WAITER")).expectStatus().isEqualTo(429);
	}

	@Test
	void countsCallsWithoutATokenPerClientAddress() throws IOException {
		for (int left = 2; left >= 0; left--) {
			RawHttp.Response menu = getFrom("127.0.0.2", "/api/menu", null);
			assertThat(menu.status()).isEqualTo(200);
			assertThat(menu.headers().getFirst("RateLimit-Policy")).isEqualTo("\"per-address\";q=3;w=60");
			assertThat(remaining(menu.headers().getFirst("RateLimit"), "per-address")).isEqualTo(left);
		}
		RawHttp.Response refused = getFrom("127.0.0.2", "/api/menu", null);
		assertGatewayProblem(refused.status(), refused.headers(), refused.body(), 429, "Too many requests",
				"/api/menu");
		assertThat(refused.headers().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();

		// Another address, and a person signed in at the same address, have budgets of
		// their own.
		assertThat(getFrom("127.0.0.3", "/api/menu", null).status()).isEqualTo(200);
		assertThat(getFrom("127.0.0.2", "/api/menu", TestTokens.staff("1004", "WAITER")).status()).isEqualTo(200);
		assertThat(services.received()).hasSize(5);
	}

	@Test
	void countsNeitherTheAppsFilesNorHealth() throws IOException {
		for (int i = 0; i < 3; i++) {
			getFrom("127.0.0.4", "/api/menu", null);
		}
		assertThat(getFrom("127.0.0.4", "/api/menu", null).status()).isEqualTo(429);
		for (int i = 0; i < 5; i++) {
			RawHttp.Response health = getFrom("127.0.0.4", "/livez", null);
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.headers().getFirst("RateLimit")).isNull();
			assertThat(getFrom("127.0.0.4", "/app.css", null).status()).isEqualTo(200);
		}
	}

	@Test
	void refusesABadTokenBeforeCountingIt() {
		for (int i = 0; i < 5; i++) {
			ordersAs(TestTokens.expired()).expectStatus().isUnauthorized().expectHeader().doesNotExist("RateLimit");
		}
	}

	private WebTestClient.ResponseSpec ordersAs(String token) {
		return this.http.get().uri("/api/orders").headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private static long remaining(String rateLimit, String policy) {
		Matcher matcher = RATE_LIMIT.matcher(rateLimit);
		assertThat(matcher.matches()).as(rateLimit).isTrue();
		assertThat(matcher.group(1)).isEqualTo(policy);
		assertThat(Long.parseLong(matcher.group(3))).isBetween(1L, 60L);
		return Long.parseLong(matcher.group(2));
	}

	/** A GET from a client address of the loopback range. */
	private RawHttp.Response getFrom(String clientAddress, String path, String token) throws IOException {
		return (token != null)
				? RawHttp.sendFrom(clientAddress, this.port, "GET " + path, "Authorization: Bearer " + token)
				: RawHttp.sendFrom(clientAddress, this.port, "GET " + path);
	}

}
