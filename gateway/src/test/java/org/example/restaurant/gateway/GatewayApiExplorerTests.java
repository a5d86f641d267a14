package org.example.restaurant.gateway;

import java.util.List;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.gateway.ProblemAssertions.gatewayProblem;

/**
 * The API explorer (docs/observability.md, "API descriptions"): the gateway serves
 * Swagger UI at {@code /swagger-ui.html} over the four services, and routes
 * {@code /v3/api-docs/{service}} to that service's {@code /v3/api-docs}, all without a
 * token. Each service is a stub that records what reaches it and answers with a
 * description naming itself.
 */
@GatewayTest
class GatewayApiExplorerTests {

	static final List<String> SERVICES = List.of("order-service", "kitchen-service", "cashier-service",
			"staff-service");

	@RegisterExtension
	static final RecordingStub orderService = describing("order-service");

	@RegisterExtension
	static final RecordingStub kitchenService = describing("kitchen-service");

	@RegisterExtension
	static final RecordingStub cashierService = describing("cashier-service");

	@RegisterExtension
	static final RecordingStub staffService = describing("staff-service");

	@Autowired
	WebTestClient http;

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		StubServices.register(registry, "order-service", orderService::uri);
		StubServices.register(registry, "kitchen-service", kitchenService::uri);
		StubServices.register(registry, "cashier-service", cashierService::uri);
		StubServices.register(registry, "staff-service", staffService::uri);
	}

	private static RecordingStub describing(String service) {
		return RecordingStub.answering((exchange) -> StubServices.respond(exchange, 200, "application/json",
				"{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"" + service + "\"}}", service + ":stub"));
	}

	private static RecordingStub stubOf(String service) {
		return switch (service) {
			case "order-service" -> orderService;
			case "kitchen-service" -> kitchenService;
			case "cashier-service" -> cashierService;
			default -> staffService;
		};
	}

	@ParameterizedTest
	@ValueSource(strings = { "order-service", "kitchen-service", "cashier-service", "staff-service" })
	void routesEachServicesDescriptionWithoutAToken(String service) {
		this.http.get()
			.uri("/v3/api-docs/" + service)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Instance-Id", service + ":stub")
			.expectBody()
			.jsonPath("$.info.title")
			.isEqualTo(service);
		assertThat(stubOf(service).received()).containsExactly("GET /v3/api-docs");
		assertThat(Stream.of(orderService, kitchenService, cashierService, staffService)
			.filter((stub) -> stub != stubOf(service))
			.flatMap((stub) -> stub.received().stream())).isEmpty();
	}

	@Test
	void servesTheExplorerWithoutAToken() {
		String page = this.http.get()
			.uri("/swagger-ui.html")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getFirst(HttpHeaders.LOCATION);
		assertThat(page).startsWith("/swagger-ui/index.html");

		this.http.get()
			.uri(page)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML);
		this.http.get().uri("/swagger-ui/swagger-initializer.js").exchange().expectStatus().isOk();
		this.http.get().uri("/swagger-ui/swagger-ui-bundle.js").exchange().expectStatus().isOk();
	}

	@Test
	void pointsTheExplorerAtEveryServicesDescriptionThroughTheGateway() {
		String config = this.http.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<String> names = JsonPath.read(config, "$.urls[*].name");
		List<String> urls = JsonPath.read(config, "$.urls[*].url");
		assertThat(names).containsExactlyInAnyOrderElementsOf(SERVICES);
		assertThat(urls)
			.containsExactlyInAnyOrderElementsOf(SERVICES.stream().map((name) -> "/v3/api-docs/" + name).toList());
		assertThat((String) JsonPath.read(config, "$['urls.primaryName']")).isEqualTo("order-service");
	}

	@Test
	void describesNoApiOfItsOwn() {
		for (String path : List.of("/v3/api-docs", "/v3/api-docs/gateway", "/v3/api-docs/order-service/x")) {
			this.http.get().uri(path).exchange().expectBody().consumeWith(gatewayProblem(404, "Not found", path));
		}
		assertThat(Stream.of(orderService, kitchenService, cashierService, staffService)
			.flatMap((stub) -> stub.received().stream())).isEmpty();
	}

	@Test
	void opensTheExplorerToReadingOnly() {
		WebTestClient.ResponseSpec response = this.http.post().uri("/v3/api-docs/order-service").exchange();
		response.expectBody().consumeWith(gatewayProblem(401, "Not signed in", "/v3/api-docs/order-service"));
		assertThat(orderService.received()).isEmpty();
	}

}
