package org.example.restaurant.platform.observability;

import java.util.List;
import java.util.UUID;

import org.example.restaurant.platform.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The log lines of a service (docs/observability.md, "Logs"): each carries
 * {@code [application,traceId,spanId,orderId]}, and with
 * {@code logging.structured.format.console=ecs} (what {@code ./restaurant up --json-logs}
 * sets) each is one JSON object with the same fields. Each test starts a service of its
 * own, so that its logging is set up anew with the format under test (Spring Boot sets
 * logging up once until the application that did it stops). With ECS there is no banner
 * either (Spring Boot prints none with structured console logging).
 */
@ExtendWith(OutputCaptureExtension.class)
class LogLinesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Forgets the logging set up by an earlier application, and the system properties it
	 * left behind ({@code CONSOLE_LOG_STRUCTURED_FORMAT} among them), so the next one
	 * sets logging up from its own settings.
	 */
	@BeforeEach
	@AfterEach
	void loggingSetUpAnew() {
		LoggingSystem.get(LogLinesTests.class.getClassLoader()).cleanUp();
		for (LoggingSystemProperty property : LoggingSystemProperty.values()) {
			System.clearProperty(property.getEnvironmentVariableName());
		}
	}

	@Test
	void aLineOfARequestForAnOrderCarriesTheApplicationTheTraceTheSpanAndTheOrder(CapturedOutput output) {
		UUID orderId = UUID.randomUUID();
		try (ConfigurableApplicationContext service = start()) {
			String traceId = lookAt(service, orderId);

			assertThat(output.getOut().lines().filter((line) -> line.contains(ObservabilityTests.Endpoints.LINE)))
				.singleElement()
				.asString()
				.containsPattern("\\[order-service," + traceId + ",[0-9a-f]{16}," + orderId + "\\] .*"
						+ ObservabilityTests.Endpoints.LINE + orderId);
		}
	}

	@Test
	void withEcsEveryLineIsOneJsonObjectAndALineOfARequestForAnOrderCarriesTheTraceTheSpanAndTheOrder(
			CapturedOutput output) {
		UUID orderId = UUID.randomUUID();
		try (ConfigurableApplicationContext service = start("--logging.structured.format.console=ecs")) {
			String traceId = lookAt(service, orderId);

			List<String> lines = output.getOut().lines().filter((line) -> !line.isBlank()).toList();
			assertThat(lines).as("the service's start-up and the request").hasSizeGreaterThan(5);
			List<JsonNode> objects = lines.stream().map(LogLinesTests::jsonObject).toList();
			assertThat(objects)
				.filteredOn((line) -> line.path("message").asString().startsWith(ObservabilityTests.Endpoints.LINE))
				.singleElement()
				.satisfies((line) -> {
					assertThat(line.path("message").asString()).isEqualTo(ObservabilityTests.Endpoints.LINE + orderId);
					assertThat(line.path("traceId").asString()).isEqualTo(traceId);
					assertThat(line.path("spanId").asString()).matches("[0-9a-f]{16}");
					assertThat(line.path("orderId").asString()).isEqualTo(orderId.toString());
					assertThat(line.path("service").path("name").asString()).isEqualTo("order-service");
				});
		}
	}

	private static JsonNode jsonObject(String line) {
		try {
			JsonNode node = json.readTree(line);
			assertThat(node.isObject()).as("a JSON object: %s", line).isTrue();
			return node;
		}
		catch (RuntimeException ex) {
			return fail("not one JSON object: " + line, ex);
		}
	}

	/** The order's page, as a waiter reads it; returns the trace id of the answer. */
	private static String lookAt(ConfigurableApplicationContext service, UUID orderId) {
		int port = ((WebServerApplicationContext) service).getWebServer().getPort();
		String traceId = RestClient.create("http://localhost:" + port)
			.get()
			.uri("/api/orders/{orderId}", orderId)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.staff("101", "WAITER"))
			.retrieve()
			.toBodilessEntity()
			.getHeaders()
			.getFirst(TraceIdFilter.HEADER);
		assertThat(traceId).matches("[0-9a-f]{32}");
		return traceId;
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		return new SpringApplicationBuilder(ObservabilityTests.Service.class)
			.properties("spring.application.name=order-service", "server.port=0", "INSTANCE_ID=order-service:7")
			.run(arguments);
	}

}
