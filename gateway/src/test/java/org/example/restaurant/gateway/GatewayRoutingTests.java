package org.example.restaurant.gateway;

import java.io.IOException;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.gateway.ProblemAssertions.assertGatewayProblem;
import static org.example.restaurant.gateway.ProblemAssertions.detailNaming;
import static org.example.restaurant.gateway.ProblemAssertions.gatewayProblem;
import static org.example.restaurant.gateway.StubServices.json;

/**
 * The gateway in front of a stub order-service (a plain HTTP server that records what
 * reaches it), a kitchen-service whose only instance refuses connections, and a
 * cashier-service with no instance at all.
 */
@GatewayTest(dead = "kitchen-service")
class GatewayRoutingTests extends AbstractGatewayTests {

	@RegisterExtension
	static final RecordingStub orderService = RecordingStub.of("order-service", json("[]", "order-service:stub"));

	@LocalServerPort
	int port;

	@Test
	void routesOrdersToTheOrderServiceAndKeepsItsInstanceId() {
		this.http.get()
			.uri("/api/orders?table=T4")
			.headers((headers) -> headers.setBearerAuth(TestTokens.waiter()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Instance-Id", "order-service:stub")
			.expectBody(String.class)
			.isEqualTo("[]");
		assertThat(orderService.received()).containsExactly("GET /api/orders?table=T4");
	}

	@Test
	void routesTheMenuToTheOrderService() {
		this.http.get().uri("/api/menu").exchange().expectStatus().isOk();
		assertThat(orderService.received()).containsExactly("GET /api/menu");
	}

	@Test
	void answersAnUnknownPathWithA404Problem() {
		this.http.get()
			.uri("/api/nothing-here")
			.headers((headers) -> headers.setBearerAuth(TestTokens.waiter()))
			.exchange()
			.expectBody()
			.consumeWith(gatewayProblem(404, "Not found", "/api/nothing-here"));
	}

	@Test
	void neverRoutesInternalEndpoints() {
		for (String path : List.of("/internal/orders/x/paid", "/api/orders/../internal/orders/x/paid",
				"/api/orders/x/../../internal")) {
			this.http.post().uri(path).exchange().expectBody().consumeWith(gatewayProblem(404, "Not found", path));
		}
		this.http.post().uri("/api/orders/%2e%2e/internal/orders/x/paid").exchange().expectStatus().isNotFound();
		assertThat(orderService.received()).isEmpty();
	}

	@Test
	void answers503WithRetryAfterWhenAServiceHasNoInstance() {
		assertServiceUnavailable("/api/bills", "cashier-service");
	}

	@Test
	void answers503WhenTheOnlyInstanceRefusesTheConnection() {
		assertServiceUnavailable("/api/kitchen/tickets", "kitchen-service");
	}

	@Test
	void answersAMethodThatAnAddressDoesNotTakeWithA405ProblemNamingTheOnesItTakes() {
		this.http.post()
			.uri("/js/app.js")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.value(HttpHeaders.ALLOW, (allow) -> assertThat(allow).contains("GET", "HEAD"))
			.expectBody()
			.consumeWith(gatewayProblem(405, "Method not allowed", "/js/app.js")
				.andThen(detailNaming("POST", "GET", "HEAD")));
		this.http.post()
			.uri("/livez")
			.exchange()
			.expectBody()
			.consumeWith(gatewayProblem(405, "Method not allowed", "/livez"));
		assertThat(orderService.received()).isEmpty();
	}

	@Test
	void answersAnAcceptItCannotMeetWithA406Problem() {
		this.http.get()
			.uri("/readyz")
			.accept(MediaType.valueOf("text/csv"))
			.exchange()
			.expectBody()
			.consumeWith(gatewayProblem(406, "Not acceptable", "/readyz").andThen(detailNaming("application/json")));
	}

	@Test
	void answersARequestTargetThatIsNoUriWithA400ProblemNamingThePart() throws IOException {
		RawHttp.Response path = send("GET /api/orders/%zz?table=T4");
		assertGatewayProblem(path.status(), path.headers(), path.body(), 400, "Invalid request", "/api/orders/%25zz");
		assertThat((String) JsonPath.read(path.body(), "$.errors[0].field")).isEqualTo("path");
		assertThat((String) JsonPath.read(path.body(), "$.detail")).startsWith("Invalid request: 'path' ")
			.contains("%25");

		RawHttp.Response query = send("GET /api/orders?table=T%4");
		assertGatewayProblem(query.status(), query.headers(), query.body(), 400, "Invalid request", "/api/orders");
		assertThat((String) JsonPath.read(query.body(), "$.errors[0].field")).isEqualTo("query");

		RawHttp.Response bar = send("GET /api/menu/a|b");
		assertGatewayProblem(bar.status(), bar.headers(), bar.body(), 400, "Invalid request", "/api/menu/a%7Cb");
		assertThat(orderService.received()).isEmpty();
	}

	@Test
	void routesAPathWhoseDecodingEndsInALonePercent() throws IOException {
		RawHttp.Response response = send("GET /api/orders/%2525zz", "Authorization: Bearer " + TestTokens.waiter());
		assertThat(response.status()).isEqualTo(200);
		assertThat(orderService.received()).containsExactly("GET /api/orders/%2525zz");
	}

	/**
	 * Sends a request line as it is: WebTestClient builds no request with a malformed
	 * URI.
	 */
	private RawHttp.Response send(String requestLine, String... requestHeaders) throws IOException {
		return RawHttp.send(this.port, requestLine, requestHeaders);
	}

	private void assertServiceUnavailable(String path, String service) {
		this.http.get()
			.uri(path)
			.headers((headers) -> headers.setBearerAuth(TestTokens.waiter()))
			.exchange()
			.expectBody()
			.consumeWith(gatewayProblem(503, "Service unavailable", path).andThen(detailNaming(service)));
	}

}
