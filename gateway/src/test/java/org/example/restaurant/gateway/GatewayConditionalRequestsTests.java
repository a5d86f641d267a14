package org.example.restaurant.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Polls of the front-of-house screens through the gateway (docs/api.md, "Polling"): the
 * service's {@code ETag} and {@code Cache-Control} reach the screen as the service wrote
 * them, the screen's {@code If-None-Match} reaches the service, and the service's
 * {@code 304 Not Modified} reaches the screen as it is: once, without a body, neither
 * retried nor turned into a problem.
 */
@GatewayTest
class GatewayConditionalRequestsTests extends AbstractGatewayTests {

	static final String ETAG = "\"orders-41\"";

	static final String CACHE_CONTROL = "no-cache, private";

	/** The If-None-Match of each request that reached the order-service ("" for none). */
	static final List<String> conditions = new CopyOnWriteArrayList<>();

	@RegisterExtension
	static final RecordingStub orderService = RecordingStub.of("order-service",
			GatewayConditionalRequestsTests::ordersAsOfVersion41);

	@BeforeEach
	void forgetTheConditions() {
		conditions.clear();
	}

	@Test
	void passesTheListsETagAndCacheControlOnUnchanged() {
		WebTestClient.ResponseSpec response = poll(null);
		response.expectStatus().isOk();
		expectTheServicesCachingHeaders(response).expectHeader()
			.doesNotExist(HttpHeaders.PRAGMA)
			.expectHeader()
			.doesNotExist(HttpHeaders.EXPIRES)
			.expectBody(String.class)
			.isEqualTo("[{\"id\":\"o-1\"}]");
		assertThat(orderService.received()).containsExactly("GET /api/orders?status=PLACED&status=READY");
		assertThat(conditions).containsExactly("");
	}

	@Test
	void passesIfNoneMatchToTheServiceAndItsNotModifiedBackOnceWithoutABody() {
		WebTestClient.ResponseSpec response = poll(ETAG);
		response.expectStatus().isNotModified();
		expectTheServicesCachingHeaders(response).expectHeader()
			.valueEquals("X-Instance-Id", "order-service:stub")
			.expectBody()
			.isEmpty();
		assertThat(orderService.received()).containsExactly("GET /api/orders?status=PLACED&status=READY");
		assertThat(conditions).containsExactly(ETAG);
	}

	@Test
	void checksTheTokenBeforeAnythingReachesTheService() {
		this.http.get()
			.uri("/api/orders")
			.headers((headers) -> headers.setIfNoneMatch(ETAG))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertThat(orderService.received()).isEmpty();
	}

	/**
	 * A waiter's screen polling the orders it shows.
	 * @param ifNoneMatch the {@code ETag} it kept of the last answer, or {@code null}
	 * @return the answer
	 */
	private WebTestClient.ResponseSpec poll(String ifNoneMatch) {
		return this.http.get().uri("/api/orders?status=PLACED&status=READY").headers((headers) -> {
			headers.setBearerAuth(TestTokens.waiter());
			if (ifNoneMatch != null) {
				headers.setIfNoneMatch(ifNoneMatch);
			}
		}).exchange();
	}

	/** The order-service's {@code ETag} and {@code Cache-Control}, as it wrote them. */
	private static WebTestClient.ResponseSpec expectTheServicesCachingHeaders(WebTestClient.ResponseSpec response) {
		return response.expectHeader()
			.valueEquals(HttpHeaders.ETAG, ETAG)
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
	}

	/**
	 * The order-service as of version 41 of its orders list: 304 to a request that has
	 * it, the list to any other.
	 */
	static void ordersAsOfVersion41(HttpExchange exchange) throws IOException {
		String condition = exchange.getRequestHeaders().getFirst(HttpHeaders.IF_NONE_MATCH);
		conditions.add((condition != null) ? condition : "");
		exchange.getResponseHeaders().add(HttpHeaders.ETAG, ETAG);
		exchange.getResponseHeaders().add(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		exchange.getResponseHeaders().add("X-Instance-Id", "order-service:stub");
		if (ETAG.equals(condition)) {
			exchange.sendResponseHeaders(304, -1);
			exchange.close();
			return;
		}
		byte[] body = "[{\"id\":\"o-1\"}]".getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add(HttpHeaders.CONTENT_TYPE, "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
