package org.example.restaurant.gateway;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
class GatewayApiExplorerTests extends AbstractGatewayTests {

	@RegisterExtension
	static final ServiceStubs services = ServiceStubs.answering(GatewayApiExplorerTests::describing);

	private static HttpHandler describing(String service) {
		return StubServices.json("{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"" + service + "\"}}",
				service + ":stub");
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
		assertThat(services.of(service).received()).containsExactly("GET /v3/api-docs");
		assertThat(services.received()).as("what reached any service").containsExactly("GET /v3/api-docs");
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
		this.http.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((config) -> {
				List<String> names = JsonPath.read(config, "$.urls[*].name");
				List<String> urls = JsonPath.read(config, "$.urls[*].url");
				assertThat(names).containsExactlyInAnyOrderElementsOf(ServiceStubs.SERVICES);
				assertThat(urls).containsExactlyInAnyOrderElementsOf(
						ServiceStubs.SERVICES.stream().map((name) -> "/v3/api-docs/" + name).toList());
				assertThat((String) JsonPath.read(config, "$['urls.primaryName']")).isEqualTo("order-service");
			});
	}

	@Test
	void describesNoApiOfItsOwn() {
		for (String path : List.of("/v3/api-docs", "/v3/api-docs/gateway", "/v3/api-docs/order-service/x")) {
			this.http.get().uri(path).exchange().expectBody().consumeWith(gatewayProblem(404, "Not found", path));
		}
		assertThat(services.received()).isEmpty();
	}

	@Test
	void opensTheExplorerToReadingOnly() {
		WebTestClient.ResponseSpec response = this.http.post().uri("/v3/api-docs/order-service").exchange();
		response.expectBody().consumeWith(gatewayProblem(401, "Not signed in", "/v3/api-docs/order-service"));
		assertThat(services.of("order-service").received()).isEmpty();
	}

}
