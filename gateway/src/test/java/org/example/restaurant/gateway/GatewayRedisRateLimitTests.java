package org.example.restaurant.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static org.example.restaurant.gateway.ProblemAssertions.gatewayProblem;

/**
 * The rate limits of several gateways shared in Redis: the machine's own Redis at
 * 127.0.0.1:6379 (skipped only if it cannot be reached), with a key prefix of this run's
 * own, so no two runs share a bucket. And a gateway whose Redis is a closed port lets
 * every request through rather than refusing everyone; when a Redis of the test's own
 * starts on that port, it counts again, and when that stops, lets requests through again.
 */
class GatewayRedisRateLimitTests {

	@RegisterExtension
	static final RecordingStub orderService = RecordingStub.of("order-service", StubServices.json("[]", "stub"));

	static final List<ConfigurableApplicationContext> gateways = new CopyOnWriteArrayList<>();

	@AfterAll
	static void stopGateways() {
		gateways.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void twoGatewaysShareOnePersonsBudget() {
		assumeThat(redisIsReachable()).as("Redis on 127.0.0.1:6379").isTrue();
		String prefix = "test:gateway-rate-limit:" + UUID.randomUUID() + ":";
		WebTestClient first = client(start(prefix, 6379));
		WebTestClient second = client(start(prefix, 6379));
		String token = TestTokens.staff("2001", "WAITER");

		assertThat(remaining(orders(first, token))).isEqualTo("\"per-person\";r=3");
		assertThat(remaining(orders(second, token))).isEqualTo("\"per-person\";r=2");
		assertThat(remaining(orders(first, token))).isEqualTo("\"per-person\";r=1");
		assertThat(remaining(orders(second, token))).isEqualTo("\"per-person\";r=0");
		HttpHeaders refused = orders(first, token).expectBody()
			.consumeWith(gatewayProblem(429, "Too many requests", "/api/orders"))
			.returnResult()
			.getResponseHeaders();
		assertThat(refused.getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(refused.getFirst("RateLimit-Policy")).isEqualTo("\"per-person\";q=4;w=60");
		orders(second, token).expectStatus().isEqualTo(429);
		assertThat(orderService.received()).hasSize(4);

		// Another person's budget is untouched.
		assertThat(remaining(orders(second, TestTokens.staff("2002", "COOK")))).isEqualTo("\"per-person\";r=3");
	}

	@Test
	void letsRequestsThroughUncountedWhenRedisCannotBeReached() {
		ConfigurableApplicationContext gateway = start("test:unreachable:", closedPort());
		WebTestClient client = client(gateway);
		String token = TestTokens.staff("2003", "WAITER");

		for (int i = 0; i < 6; i++) {
			orders(client, token).expectStatus().isOk().expectHeader().doesNotExist("RateLimit");
		}
		client.get().uri("/livez").exchange().expectStatus().isOk();
		assertThat(orderService.received()).hasSize(6);
		MeterRegistry meters = gateway.getBeanProvider(MeterRegistry.class)
			.getIfAvailable(() -> Metrics.globalRegistry);
		Counter unchecked = meters.find("gateway.ratelimit.unchecked").counter();
		assertThat(unchecked).isNotNull();
		assertThat(unchecked.count()).isGreaterThanOrEqualTo(6);
	}

	@Test
	void countsAgainOnceRedisIsBackAndLetsRequestsThroughWhenItGoesAway() throws Exception {
		assumeThat(redisServerIsInstalled()).as("redis-server on the PATH").isTrue();
		int port = closedPort();
		WebTestClient client = client(start("test:comes-and-goes:" + UUID.randomUUID() + ":", port));
		String token = TestTokens.staff("2004", "WAITER");
		orders(client, token).expectStatus().isOk().expectHeader().doesNotExist("RateLimit");

		Process redis = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			// The gateway tries again every 5 s.
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> orders(client, token).expectStatus()
					.isOk()
					.expectBody()
					.returnResult()
					.getResponseHeaders()
					.containsHeader("RateLimit"));
		}
		finally {
			redis.destroy();
			redis.waitFor(10, TimeUnit.SECONDS);
		}

		for (int i = 0; i < 6; i++) {
			long started = System.nanoTime();
			orders(client, token).expectStatus().isOk().expectHeader().doesNotExist("RateLimit");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		}
	}

	private static boolean redisServerIsInstalled() {
		for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			if (new java.io.File(folder, "redis-server").canExecute()) {
				return true;
			}
		}
		return false;
	}

	private static WebTestClient.ResponseSpec orders(WebTestClient gateway, String token) {
		return gateway.get().uri("/api/orders").headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	/** The {@code RateLimit} header without its {@code t}. */
	private static String remaining(WebTestClient.ResponseSpec response) {
		String header = response.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseHeaders()
			.getFirst("RateLimit");
		assertThat(header).isNotNull();
		return header.replaceAll(";t=\\d+$", "");
	}

	private static ConfigurableApplicationContext start(String keyPrefix, int redisPort) {
		// As arguments: they win over application.yml, as the test's settings must.
		String[] arguments = { "--server.port=0", "--management.server.port=0", "--eureka.client.enabled=false",
				"--gateway.rate-limit.store=redis", "--gateway.rate-limit.per-person=4",
				"--gateway.rate-limit.key-prefix=" + keyPrefix, "--spring.data.redis.host=127.0.0.1",
				"--spring.data.redis.port=" + redisPort,
				"--" + StubServices.instanceProperty("order-service", 0) + "=" + orderService.uri(),
				"--" + StubServices.instanceProperty("staff-service", 0) + "=" + StubServices.keys() };
		ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class).run(arguments);
		gateways.add(context);
		return context;
	}

	private static WebTestClient client(ConfigurableApplicationContext gateway) {
		String port = gateway.getEnvironment().getProperty("local.server.port");
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	private static boolean redisIsReachable() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int closedPort() {
		String dead = StubServices.deadInstance();
		return Integer.parseInt(dead.substring(dead.lastIndexOf(':') + 1));
	}

}
