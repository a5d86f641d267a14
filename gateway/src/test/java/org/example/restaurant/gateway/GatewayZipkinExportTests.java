package org.example.restaurant.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a collector configured ({@code management.tracing.export.zipkin.enabled} and its
 * endpoint, what {@code ./restaurant up --observe} sets), the gateway sends the spans of
 * its requests there (docs/observability.md, "Traces"); without one it sends none
 * ({@link GatewayObservabilityTests}). The collector is a stand-in that keeps what it
 * receives.
 */
@GatewayTest
class GatewayZipkinExportTests extends AbstractGatewayTests {

	static final Queue<String> received = new ConcurrentLinkedQueue<>();

	static final HttpServer collector = StubServices.start((exchange) -> {
		received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		exchange.sendResponseHeaders(202, -1);
		exchange.close();
	});

	@DynamicPropertySource
	static void collector(DynamicPropertyRegistry registry) {
		registry.add("management.tracing.export.zipkin.enabled", () -> "true");
		registry.add("management.tracing.export.zipkin.endpoint", () -> StubServices.uri(collector) + "/api/v2/spans");
	}

	@AfterAll
	static void stopTheCollector() {
		collector.stop(0);
	}

	@Test
	void sendsTheSpanOfARequestToTheCollector() {
		// one of the app's files: an answer of the gateway's own
		String traceId = this.http.get()
			.uri("/index.html")
			.exchange()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Trace-Id");
		assertThat(traceId).matches(GatewayObservabilityTests.TRACE_ID);

		await("the request's span at the collector").atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(String.join("\n", received)).contains("\"traceId\":\"" + traceId + "\"")
				.contains("\"serviceName\":\"gateway\""));
	}

}
