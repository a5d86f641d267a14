package org.example.restaurant.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.gateway.ProblemAssertions.gatewayProblem;

/**
 * What the gateway shows of itself (docs/observability.md): its metrics on the management
 * port only, the trace it continues and sends on to the services, and the trace id on
 * every answer. The order-service is a stub that records the trace headers it receives
 * and answers with an {@code X-Trace-Id} of its own for the same trace, as a service
 * does; the cashier-service has no instance, and the kitchen-service's refuses every
 * connection (a killed process).
 */
@GatewayTest(dead = "kitchen-service")
@ExtendWith(OutputCaptureExtension.class)
class GatewayObservabilityTests extends AbstractGatewayTests {

	static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

	/** The headers of the last request that reached the order-service. */
	static final Map<String, String> received = new ConcurrentHashMap<>();

	@RegisterExtension
	static final RecordingStub orderService = RecordingStub.of("order-service", (exchange) -> {
		received.clear();
		for (String name : List.of("traceparent", "baggage", "b3", "X-B3-TraceId")) {
			String value = exchange.getRequestHeaders().getFirst(name);
			if (value != null) {
				received.put(name, value);
			}
		}
		String traceparent = received.get("traceparent");
		if (traceparent != null) {
			exchange.getResponseHeaders().add("X-Trace-Id", traceparent.split("-")[1]);
		}
		StubServices.respond(exchange, 200, "application/json", "[]", "order-service:stub");
	});

	@LocalManagementPort
	int managementPort;

	@Autowired
	ApplicationContext context;

	@Test
	void logsItsOwnRefusalsWithTheTraceIdTheAnswerCarries(CapturedOutput output) {
		String traceId = this.http.get()
			.uri("/api/kitchen/tickets")
			.headers((headers) -> headers.setBearerAuth(TestTokens.waiter()))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Trace-Id");

		assertThat(traceId).matches(TRACE_ID);
		assertThat(output.getOut().lines().filter((line) -> line.contains("A service refused the connection")))
			.isNotEmpty()
			.allSatisfy((line) -> assertThat(line).contains("[gateway," + traceId + ","));
	}

	@Test
	void publishesTheRouteMetricsOnTheManagementPortTaggedWithRouteAndInstance() {
		String instanceId = headersOfTheMenu().getFirst("X-Instance-Id");
		assertThat(instanceId).isEqualTo("order-service:stub");
		String gatewayInstanceId = this.http.get()
			.uri("/api/orders")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Instance-Id");

		String metrics = management().get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(metrics.lines().filter((line) -> line.startsWith("spring_cloud_gateway_requests_seconds_count{")))
			.anySatisfy((line) -> assertThat(line).contains("routeId=\"order-service\"")
				.contains("application=\"gateway\"")
				.contains("instance_id=\"" + gatewayInstanceId + "\"")
				.contains("status=\"OK\""));
		// Every series, not just the gateway's own.
		assertThat(metrics.lines().filter((line) -> line.startsWith("jvm_threads_live_threads"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("instance_id=\"" + gatewayInstanceId + "\""));
		// The pool of connections to the services (the order-service's stub, for the
		// menu)
		for (String series : List.of("total_connections", "active_connections", "idle_connections",
				"pending_connections")) {
			assertThat(metrics.lines()
				.filter((line) -> line.startsWith("reactor_netty_connection_provider_" + series + "{"))).as(series)
				.anySatisfy((line) -> assertThat(line).contains("name=\"proxy\"")
					.contains("instance_id=\"" + gatewayInstanceId + "\""));
		}
	}

	@Test
	void sendsNoSpansWithoutACollector() {
		// the handler that sends finished spans to Zipkin (GatewayZipkinExportTests: with
		// one)
		assertThat(this.context.getBeanProvider(AsyncZipkinSpanHandler.class).stream()).isEmpty();
		assertThat(headersOfTheMenu().getFirst("X-Trace-Id")).as("traced all the same").matches(TRACE_ID);
	}

	@Test
	void servesNoActuatorButLivenessAndReadinessOnTheMainPort() {
		for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/health", "/actuator/info",
				"/actuator")) {
			this.http.get().uri(path).exchange().expectBody().consumeWith(gatewayProblem(404, "Not found", path));
			this.http.get()
				.uri(path)
				.headers((headers) -> headers.setBearerAuth(TestTokens.manager()))
				.exchange()
				.expectStatus()
				.isNotFound();
		}
		this.http.get().uri("/livez").exchange().expectStatus().isOk();
		this.http.get().uri("/readyz").exchange().expectStatus().isOk();
		management().get().uri("/actuator/health").exchange().expectStatus().isOk();
		management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		management().get().uri("/actuator/metrics").exchange().expectStatus().isOk();
		// Prometheus' scrapes are no traces of their own
		management().get().uri("/actuator/prometheus").exchange().expectHeader().doesNotExist("X-Trace-Id");
	}

	@Test
	void sendsTheTraceOnToTheServiceAndTellsTheClientItsId() {
		String traceId = headersOfTheMenu().getFirst("X-Trace-Id");

		assertThat(traceId).matches(TRACE_ID);
		assertThat(received.get("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01");
		// W3C only: no B3 headers beside it.
		assertThat(received).doesNotContainKeys("b3", "X-B3-TraceId");
	}

	@Test
	void continuesTheTraceTheClientStartedAndPassesTheOrderIdOn() {
		String clientTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
		String clientSpan = "00f067aa0ba902b7";
		HttpHeaders answer = this.http.get()
			.uri("/api/menu")
			.header("traceparent", "00-" + clientTrace + "-" + clientSpan + "-01")
			.header("baggage", "orderId=ord-42")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders();

		// Set, not added: the service's own X-Trace-Id of the same trace is not doubled.
		assertThat(answer.get("X-Trace-Id")).containsExactly(clientTrace);
		String[] sent = received.get("traceparent").split("-");
		assertThat(sent[1]).isEqualTo(clientTrace);
		assertThat(sent[2]).as("the gateway's own span").isNotEqualTo(clientSpan);
		assertThat(received.get("baggage")).contains("orderId=ord-42");
	}

	@Test
	void marksTheAnswersItMakesItselfWithTheTraceId() {
		List<WebTestClient.ResponseSpec> answers = List.of(
				// the app's files
				this.http.get().uri("/index.html").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk(),
				// Spring Security's 401 and 403
				this.http.get().uri("/api/orders").exchange().expectStatus().isUnauthorized(),
				this.http.post()
					.uri("/api/menu")
					.headers((headers) -> headers.setBearerAuth(TestTokens.waiter()))
					.exchange()
					.expectStatus()
					.isForbidden(),
				// a service without an instance
				this.http.get()
					.uri("/api/bills")
					.headers((headers) -> headers.setBearerAuth(TestTokens.waiter()))
					.exchange()
					.expectStatus()
					.isEqualTo(503),
				// a path no route serves
				this.http.get()
					.uri("/api/nothing-here")
					.headers((headers) -> headers.setBearerAuth(TestTokens.waiter()))
					.exchange()
					.expectStatus()
					.isNotFound());
		assertThat(answers).allSatisfy(
				(answer) -> answer.expectHeader().value("X-Trace-Id", (value) -> assertThat(value).matches(TRACE_ID)));
	}

	/** The headers of the menu, read without a token. */
	private HttpHeaders headersOfTheMenu() {
		return this.http.get()
			.uri("/api/menu")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders();
	}

	private WebTestClient management() {
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.managementPort)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

}
