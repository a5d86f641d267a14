package org.example.restaurant.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.gateway.ProblemAssertions.detailNaming;
import static org.example.restaurant.gateway.ProblemAssertions.gatewayProblem;
import static org.awaitility.Awaitility.await;

/**
 * The circuit breakers, time limits and body limit in front of stub services that can
 * hang, fail and recover. The order-service stub hangs on {@code /api/orders/slow},
 * answers 404 on {@code /api/orders/missing} and 500 on {@code /api/orders/broken/serve};
 * the kitchen stub hangs while {@link #kitchenHangs} is set; the cashier's only instance
 * accepts connections and closes them at once. The order-service and kitchen breakers get
 * short settings here (3 calls decide, 1 s open, 1 s time limit) so that the tests are
 * quick; the cashier's keeps those of {@code application.yml}.
 */
@GatewayTest
class GatewayCircuitBreakerTests extends AbstractGatewayTests {

	static final List<String> received = new CopyOnWriteArrayList<>();

	static final AtomicBoolean kitchenHangs = new AtomicBoolean();

	/** Hanging stub handlers wait for this, so that no thread outlives the tests. */
	static final CountDownLatch release = new CountDownLatch(1);

	static final ExecutorService stubThreads = Executors.newCachedThreadPool();

	static final HttpServer orderService = StubServices.start(GatewayCircuitBreakerTests::orderService);

	static final HttpServer kitchenService = StubServices.start(GatewayCircuitBreakerTests::kitchenService);

	static final AtomicInteger cashierConnections = new AtomicInteger();

	static final ServerSocket cashierService = startDroppingService();

	static boolean warmedUp;

	static final String ORDER_NOT_FOUND = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
			+ "\"detail\":\"No order missing\"}";

	@Autowired
	CircuitBreakerRegistry circuitBreakers;

	@Autowired
	TimeLimiterRegistry timeLimiters;

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		StubServices.register(registry, "order-service", () -> StubServices.uri(orderService));
		StubServices.register(registry, "kitchen-service", () -> StubServices.uri(kitchenService));
		StubServices.register(registry, "cashier-service", () -> "http://localhost:" + cashierService.getLocalPort());
		for (String service : List.of("order-service", "kitchen-service")) {
			String breaker = "resilience4j.circuitbreaker.instances." + service;
			registry.add(breaker + ".sliding-window-size", () -> "3");
			registry.add(breaker + ".minimum-number-of-calls", () -> "3");
			registry.add(breaker + ".wait-duration-in-open-state", () -> "1s");
			registry.add("resilience4j.timelimiter.instances." + service + ".timeout-duration", () -> "1s");
		}
	}

	@BeforeEach
	void startAfresh() {
		// Every call here is a signed-in manager's, who may make them all (docs/api.md).
		this.http = this.http.mutate().defaultHeaders((headers) -> headers.setBearerAuth(TestTokens.manager())).build();
		if (!warmedUp) {
			// The first requests load classes and open connections; with the short time
			// limits here they could time out on a busy machine.
			this.http.get().uri("/api/orders").exchange().expectBody().returnResult();
			this.http.get().uri("/api/kitchen/tickets").exchange().expectBody().returnResult();
			warmedUp = true;
		}
		this.circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
		kitchenHangs.set(false);
		cashierConnections.set(0);
		received.clear();
	}

	@AfterAll
	static void stop() throws IOException {
		release.countDown();
		orderService.stop(0);
		kitchenService.stop(0);
		cashierService.close();
		stubThreads.shutdownNow();
	}

	@Test
	void asksClientsToWaitAsLongAsAnOpenCircuitStaysOpen(@Autowired GatewaySettings settings) {
		long openMillis = this.circuitBreakers.circuitBreaker("cashier-service")
			.getCircuitBreakerConfig()
			.getWaitIntervalFunctionInOpenState()
			.apply(1);

		assertThat(Duration.ofMillis(openMillis)).isEqualTo(settings.retryAfter()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void answers504ProblemWhenAServiceHangsLongerThanItsTimeLimit() {
		this.http.get()
			.uri("/api/orders/slow")
			.exchange()
			.expectBody()
			.consumeWith(
					gatewayProblem(504, "Gateway timeout", "/api/orders/slow").andThen(detailNaming("order-service")));
	}

	@Test
	void opensTheCircuitOfAServiceThatKeepsFailingAndAnswers503WithoutCallingIt() {
		letTheKitchenTimeOutThreeTimes();
		assertThat(this.circuitBreakers.circuitBreaker("kitchen-service").getState())
			.isEqualTo(CircuitBreaker.State.OPEN);
		int callsBefore = received.size();

		this.http.get()
			.uri("/api/kitchen/tickets")
			.exchange()
			.expectHeader()
			.valueEquals("Retry-After", "5")
			.expectBody()
			.consumeWith(gatewayProblem(503, "Service unavailable", "/api/kitchen/tickets")
				.andThen(detailNaming("kitchen-service")));
		this.http.post()
			.uri("/api/kitchen/tickets/t1/start")
			.exchange()
			.expectBody()
			.consumeWith(gatewayProblem(503, "Service unavailable", "/api/kitchen/tickets/t1/start"));
		assertThat(received).hasSize(callsBefore).containsOnly("GET /api/kitchen/tickets");
	}

	@Test
	void callsAHealthyServiceAgainOnceTheOpenCircuitHasWaited() {
		letTheKitchenTimeOutThreeTimes();
		kitchenHangs.set(false);
		int callsBefore = received.size();

		// Refused at once while open; after the wait the next request is a trial call.
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.http.get()
				.uri("/api/kitchen/tickets")
				.exchange()
				.expectBody()
				.returnResult()
				.getStatus()
				.value(), (status) -> status == 200);
		assertThat(received).hasSize(callsBefore + 1);
		assertThat(this.circuitBreakers.circuitBreaker("kitchen-service").getState())
			.isEqualTo(CircuitBreaker.State.HALF_OPEN);

		this.http.get().uri("/api/kitchen/tickets").exchange().expectStatus().isOk();
		this.http.get().uri("/api/kitchen/tickets").exchange().expectStatus().isOk();
		assertThat(this.circuitBreakers.circuitBreaker("kitchen-service").getState())
			.isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(received).hasSize(callsBefore + 3);
	}

	@Test
	void passesClientErrorsOnUnchangedAndNeverOpensTheCircuitForThem() {
		for (int i = 0; i < 5; i++) {
			this.http.get()
				.uri("/api/orders/missing")
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader()
				.valueEquals("X-Instance-Id", "stub:" + orderService.getAddress().getPort())
				.expectBody(String.class)
				.isEqualTo(ORDER_NOT_FOUND);
		}
		assertTheOrderServiceWasCalledFiveTimesWithoutAFailure();
	}

	@Test
	void passesServerErrorsOnUnchangedAndDoesNotCountThemAsFailures() {
		for (int i = 0; i < 5; i++) {
			this.http.post()
				.uri("/api/orders/broken/serve")
				.exchange()
				.expectStatus()
				.isEqualTo(500)
				.expectHeader()
				.valueEquals("X-Instance-Id", "stub:" + orderService.getAddress().getPort());
		}
		assertTheOrderServiceWasCalledFiveTimesWithoutAFailure();
	}

	@Test
	void answers502ProblemNot500WhenAServiceBreaksOffTheConnection() {
		this.http.get()
			.uri("/api/bills")
			.exchange()
			.expectBody()
			.consumeWith(gatewayProblem(502, "Bad gateway", "/api/bills").andThen(detailNaming("cashier-service")));
		assertThat(cashierConnections).hasPositiveValue();
	}

	@Test
	void refusesAnOversizedBodyWith413ProblemNamingTheLimit() {
		this.http.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(jsonOfSize(64 * 1024 + 1))
			.exchange()
			.expectBody()
			.consumeWith(gatewayProblem(413, "Request too large", "/api/orders").andThen(detailNaming("64 KB")))
			.jsonPath("$.maxBytes")
			.isEqualTo(65536);
		assertThat(received).isEmpty();
	}

	@Test
	void refusesAnOversizedBodySentWithoutALength() {
		byte[] chunk = jsonOfSize(16 * 1024).getBytes(StandardCharsets.UTF_8);
		Flux<DataBuffer> body = Flux.range(0, 5).map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(chunk));
		this.http.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body, DataBuffer.class)
			.exchange()
			.expectBody()
			.consumeWith(gatewayProblem(413, "Request too large", "/api/orders"));
		assertThat(received).isEmpty();
	}

	@Test
	void passesOnABodyOfExactlyTheLimit() {
		this.http.post()
			.uri("/api/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(jsonOfSize(64 * 1024))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(received).containsExactly("POST /api/orders 65536 bytes");
	}

	@Test
	void givesEachServiceItsOwnBreakerWithTheSettingsOfApplicationYmlAndNoBulkhead(
			@Autowired ObjectProvider<ReactiveResilience4jBulkheadProvider> bulkheads) {
		CircuitBreakerConfig cashier = this.circuitBreakers.circuitBreaker("cashier-service").getCircuitBreakerConfig();
		assertThat(cashier.getSlidingWindowType()).isEqualTo(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED);
		assertThat(cashier.getSlidingWindowSize()).isEqualTo(10);
		assertThat(cashier.getMinimumNumberOfCalls()).isEqualTo(5);
		assertThat(cashier.getFailureRateThreshold()).isEqualTo(50f);
		assertThat(cashier.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(3);
		assertThat(cashier.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(5000L);
		assertThat(this.timeLimiters.timeLimiter("cashier-service").getTimeLimiterConfig().getTimeoutDuration())
			.isEqualTo(Duration.ofSeconds(10));
		assertThat(this.circuitBreakers.getAllCircuitBreakers()).extracting(CircuitBreaker::getName)
			.contains("order-service", "kitchen-service", "cashier-service");
		assertThat(bulkheads.getIfAvailable()).isNull();
	}

	/**
	 * Three time-outs in a row: enough to open the kitchen's breaker with the settings
	 * here.
	 */
	private void letTheKitchenTimeOutThreeTimes() {
		kitchenHangs.set(true);
		for (int i = 0; i < 3; i++) {
			this.http.get().uri("/api/kitchen/tickets").exchange().expectStatus().isEqualTo(504);
		}
	}

	private void assertTheOrderServiceWasCalledFiveTimesWithoutAFailure() {
		CircuitBreaker breaker = this.circuitBreakers.circuitBreaker("order-service");
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
		assertThat(received).hasSize(5);
	}

	private static String jsonOfSize(int bytes) {
		String start = "{\"note\":\"";
		String end = "\"}";
		return start + "x".repeat(bytes - start.length() - end.length()) + end;
	}

	private static void orderService(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		int length = exchange.getRequestBody().readAllBytes().length;
		received.add(StubServices.requestLine(exchange) + ((length > 0) ? " " + length + " bytes" : ""));
		switch (path) {
			case "/api/orders/slow" -> hang(exchange);
			case "/api/orders/missing" -> respond(exchange, 404, "application/problem+json", ORDER_NOT_FOUND);
			case "/api/orders/broken/serve" -> respond(exchange, 500, "application/problem+json", "{\"status\":500}");
			default -> respond(exchange, 200, "application/json", "[]");
		}
	}

	private static void kitchenService(HttpExchange exchange) throws IOException {
		received.add(StubServices.requestLine(exchange));
		exchange.getRequestBody().readAllBytes();
		if (kitchenHangs.get()) {
			hang(exchange);
		}
		else {
			respond(exchange, 200, "application/json", "[]");
		}
	}

	private static void hang(HttpExchange exchange) {
		try {
			release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		exchange.close();
	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		StubServices.respond(exchange, status, contentType, body, "stub:" + exchange.getLocalAddress().getPort());
	}

	/** A service that accepts every connection and closes it before answering. */
	private static ServerSocket startDroppingService() {
		try {
			ServerSocket server = new ServerSocket(0);
			stubThreads.execute(() -> {
				while (!server.isClosed()) {
					try (Socket connection = server.accept()) {
						cashierConnections.incrementAndGet();
					}
					catch (IOException ex) {
						// closed at the end of the tests
					}
				}
			});
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
