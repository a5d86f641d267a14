package org.example.restaurant.gateway;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.gateway.ProblemAssertions.assertGatewayProblem;
import static org.example.restaurant.gateway.ProblemAssertions.detailNaming;
import static org.example.restaurant.gateway.ProblemAssertions.gatewayProblem;

/**
 * The gateway in front of a stub order-service (a plain HTTP server that records what
 * reaches it), a kitchen-service whose only instance refuses connections, and a
 * cashier-service with no instance at all.
 */
@GatewayTest
class GatewayRoutingTests {

	@RegisterExtension
	static final RecordingStub orderService = RecordingStub
		.answering((exchange) -> StubServices.respond(exchange, 200, "application/json", "[]", "order-service:stub"));

	@Autowired
	WebTestClient http;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		StubServices.register(registry, "order-service", orderService::uri);
		StubServices.register(registry, "kitchen-service", StubServices::deadInstance);
		StubServices.register(registry, "staff-service", StubServices::keys);
	}

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
		RawResponse path = send("GET /api/orders/%zz?table=T4");
		assertGatewayProblem(path.status(), path.headers(), path.body(), 400, "Invalid request", "/api/orders/%25zz");
		assertThat((String) JsonPath.read(path.body(), "$.errors[0].field")).isEqualTo("path");
		assertThat((String) JsonPath.read(path.body(), "$.detail")).startsWith("Invalid request: 'path' ")
			.contains("%25");

		RawResponse query = send("GET /api/orders?table=T%4");
		assertGatewayProblem(query.status(), query.headers(), query.body(), 400, "Invalid request", "/api/orders");
		assertThat((String) JsonPath.read(query.body(), "$.errors[0].field")).isEqualTo("query");

		RawResponse bar = send("GET /api/menu/a|b");
		assertGatewayProblem(bar.status(), bar.headers(), bar.body(), 400, "Invalid request", "/api/menu/a%7Cb");
		assertThat(orderService.received()).isEmpty();
	}

	@Test
	void routesAPathWhoseDecodingEndsInALonePercent() throws IOException {
		RawResponse response = send("GET /api/orders/%2525zz", "Authorization: Bearer " + TestTokens.waiter());
		assertThat(response.status()).isEqualTo(200);
		assertThat(orderService.received()).containsExactly("GET /api/orders/%2525zz");
	}

	/**
	 * Sends a request line as it is: WebTestClient builds no request with a malformed
	 * URI.
	 */
	private RawResponse send(String requestLine, String... requestHeaders) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: localhost\r\n");
			for (String header : requestHeaders) {
				request.append(header).append("\r\n");
			}
			request.append("Connection: close\r\n\r\n");
			socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
			String[] response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
				.split("\r\n\r\n", 2);
			String[] lines = response[0].split("\r\n");
			HttpHeaders headers = new HttpHeaders();
			for (int i = 1; i < lines.length; i++) {
				String[] header = lines[i].split(":", 2);
				headers.add(header[0].trim(), header[1].trim());
			}
			return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, response[1]);
		}
	}

	record RawResponse(int status, HttpHeaders headers, String body) {

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
