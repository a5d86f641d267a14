package org.example.restaurant.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of a stub order-service (a plain HTTP server that records what
 * reaches it), a kitchen-service whose only instance refuses connections, and a
 * cashier-service with no instance at all.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayRoutingTests {

	static final List<String> received = new CopyOnWriteArrayList<>();

	static final HttpServer orderService = startStubOrderService();

	@Autowired
	WebTestClient http;

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		registry.add("eureka.client.enabled", () -> "false");
		registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri",
				() -> StubServices.uri(orderService));
		registry.add("spring.cloud.discovery.client.simple.instances.kitchen-service[0].uri",
				StubServices::deadInstance);
	}

	@BeforeEach
	void forget() {
		received.clear();
	}

	@AfterAll
	static void stop() {
		orderService.stop(0);
	}

	@Test
	void routesOrdersToTheOrderServiceAndKeepsItsInstanceId() {
		this.http.get()
			.uri("/api/orders?table=T4")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Instance-Id", "order-service:stub")
			.expectBody(String.class)
			.isEqualTo("[]");
		assertThat(received).containsExactly("GET /api/orders?table=T4");
	}

	@Test
	void routesTheMenuToTheOrderService() {
		this.http.get().uri("/api/menu").exchange().expectStatus().isOk();
		assertThat(received).containsExactly("GET /api/menu");
	}

	@Test
	void answersAnUnknownPathWithA404Problem() {
		this.http.get()
			.uri("/api/nothing-here")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("X-Instance-Id")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.instance")
			.isEqualTo("/api/nothing-here");
	}

	@Test
	void neverRoutesInternalEndpoints() {
		this.http.post().uri("/internal/orders/x/paid").exchange().expectStatus().isNotFound();
		this.http.post()
			.uri("/api/orders/../internal/orders/x/paid")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.http.post().uri("/api/orders/%2e%2e/internal/orders/x/paid").exchange().expectStatus().isNotFound();
		this.http.post().uri("/api/orders/x/../../internal").exchange().expectStatus().isNotFound();
		assertThat(received).isEmpty();
	}

	@Test
	void answers503WithRetryAfterWhenAServiceHasNoInstance() {
		this.http.get()
			.uri("/api/bills")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(503);
	}

	@Test
	void answers503WhenTheOnlyInstanceRefusesTheConnection() {
		this.http.get()
			.uri("/api/kitchen/tickets")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("Retry-After");
	}

	private static HttpServer startStubOrderService() {
		return StubServices.start((exchange) -> {
			String query = exchange.getRequestURI().getRawQuery();
			received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
					+ ((query != null) ? "?" + query : ""));
			StubServices.respond(exchange, 200, "application/json", "[]", "order-service:stub");
		});
	}

}
