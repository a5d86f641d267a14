package org.example.restaurant.platform.observability;

import java.util.UUID;

import org.example.restaurant.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service of the platform shows of its work: the trace id on every response (a 401
 * included), a trace that goes on from the caller's {@code traceparent}, the order a path
 * names in the logging MDC, and Prometheus metrics tagged with the application and the
 * instance id (the database pool's among them), readable without a token, whose scrapes
 * are no traces.
 */
@SpringBootTest(classes = ObservabilityTests.Service.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.application.name=test", "INSTANCE_ID=test:7" })
class ObservabilityTests {

	@LocalServerPort
	int port;

	// a client of its own, not the context's: that one would send a trace of its own
	private RestClient client() {
		return RestClient.create("http://localhost:" + this.port);
	}

	@Test
	void everyAnswerCarriesItsTraceIdAndGoesOnWithTheCallersTrace() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		UUID orderId = UUID.randomUUID();

		ResponseEntity<String> answer = client().get()
			.uri("/api/orders/{orderId}", orderId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("101", "WAITER"))
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.retrieve()
			.toEntity(String.class);

		assertThat(answer.getHeaders().getFirst("X-Trace-Id")).isEqualTo(traceId);
		assertThat(answer.getBody()).isEqualTo("trace " + traceId + ", order " + orderId);
	}

	@Test
	void aRefusedCallCarriesItsTraceIdToo() {
		ResponseEntity<String> answer = client().get()
			.uri("/api/orders/{orderId}", UUID.randomUUID())
			.exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
				.headers(response.getHeaders())
				.body(""));

		assertThat(answer.getStatusCode().value()).isEqualTo(401);
		assertThat(answer.getHeaders().getFirst("X-Trace-Id")).matches("[0-9a-f]{32}");
	}

	@Test
	void prometheusReadsTheMetricsWithoutATokenTaggedWithApplicationAndInstance() {
		client().get()
			.uri("/api/orders/{orderId}", UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("101", "WAITER"))
			.retrieve()
			.toBodilessEntity();

		// as Prometheus asks for them: OpenMetrics first
		ResponseEntity<String> scrape = client().get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.ACCEPT, "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5")
			.retrieve()
			.toEntity(String.class);
		String metrics = scrape.getBody();

		// a scrape is housekeeping: not observed, so no trace and no trace id
		assertThat(scrape.getHeaders().containsHeader(TraceIdFilter.HEADER)).isFalse();

		assertThat(metrics).containsPattern(
				"http_server_requests_seconds_count\\{application=\"test\",[^}]*instance_id=\"test:7\"[^}]*uri=\"/api/orders/\\{orderId\\}\"");
		// the database's connection pool, a service's first bottleneck under load
		assertThat(metrics).containsPattern("hikaricp_connections\\{[^}]*instance_id=\"test:7\"[^}]*pool=\"");
		assertThat(metrics).containsPattern("hikaricp_connections_pending\\{[^}]*instance_id=\"test:7\"");
		// Debian's Prometheus 2.42 refuses a whole scrape with exemplars on _count series
		assertThat(metrics).doesNotContain("trace_id=");
	}

	@EnableAutoConfiguration
	@Import({ Endpoints.class, TestTokens.Decoder.class })
	static class Service {

	}

	@RestController
	static class Endpoints {

		/** What {@link #order} logs. */
		static final String LINE = "Looking at order ";

		private static final Logger log = LoggerFactory.getLogger(Endpoints.class);

		@GetMapping("/api/orders/{orderId}")
		@PreAuthorize("hasRole('WAITER')")
		String order(@PathVariable UUID orderId) {
			log.info(LINE + "{}", orderId);
			return "trace " + MDC.get("traceId") + ", order " + MDC.get("orderId");
		}

	}

}
