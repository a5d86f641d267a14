package org.example.restaurant.platform.observability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service sends its spans to Zipkin only when a collector is configured
 * (docs/observability.md, "Traces"): with the platform's defaults nothing is sent, an
 * endpoint alone changes nothing, and {@code management.tracing.export.zipkin.enabled}
 * with the endpoint sends every finished span there. The collector is a stand-in that
 * keeps what it receives.
 */
class ZipkinExportTests {

	static HttpServer collector;

	static final Queue<String> received = new ConcurrentLinkedQueue<>();

	@BeforeAll
	static void startTheCollector() throws IOException {
		collector = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		collector.createContext("/api/v2/spans", (exchange) -> {
			received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
		});
		collector.start();
	}

	@AfterAll
	static void stopTheCollector() {
		collector.stop(0);
	}

	@BeforeEach
	void nothingReceivedYet() {
		received.clear();
	}

	@Test
	void withTheDefaultsNoSpanIsSent() {
		try (ConfigurableApplicationContext service = start()) {
			assertNoExport(service);
		}
	}

	@Test
	void anEndpointAloneSendsNothing() {
		try (ConfigurableApplicationContext service = start(
				"--management.tracing.export.zipkin.endpoint=" + endpoint())) {
			assertNoExport(service);
		}
	}

	@Test
	void withACollectorConfiguredEverySpanIsSentThere() {
		try (ConfigurableApplicationContext service = start("--management.tracing.export.zipkin.enabled=true",
				"--management.tracing.export.zipkin.endpoint=" + endpoint())) {
			assertThat(service.getBeanProvider(AsyncZipkinSpanHandler.class).stream()).hasSize(1);

			service.getBean(Tracer.class).nextSpan().name("looking for the collector").start().end();

			await("the span at the collector").atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(String.join("\n", received)).contains("\"looking for the collector\"")
					.contains("\"serviceName\":\"order-service\""));
		}
	}

	private static void assertNoExport(ConfigurableApplicationContext service) {
		// the handler that sends finished spans to Zipkin (Boot makes the sender
		// regardless)
		assertThat(service.getBeanProvider(AsyncZipkinSpanHandler.class).stream()).isEmpty();
		// spans are made (every response carries its trace id), only not sent
		assertThat(service.getBean(Tracer.class)).isNotEqualTo(Tracer.NOOP);
	}

	private static String endpoint() {
		return "http://localhost:" + collector.getAddress().getPort() + "/api/v2/spans";
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		return new SpringApplicationBuilder(ObservabilityTests.Service.class).web(WebApplicationType.NONE)
			.properties("spring.application.name=order-service", "INSTANCE_ID=order-service:7")
			.run(arguments);
	}

}
