package org.example.restaurant.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.example.restaurant.system.Till.Bill;
import org.example.restaurant.system.Till.PaymentRequest;
import org.example.restaurant.system.Waiter.Line;
import org.example.restaurant.system.Waiter.Order;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Watching one order go through the restaurant (docs/observability.md): in Zipkin,
 * placing it is one trace from the gateway through the order-service to the kitchen
 * replica that took its ticket, even when the kitchen was down and the ticket went by a
 * re-send of the outbox (the failed attempts and the one that got through, each a span of
 * the trace); serving it reaches the cashier in its trace, paying it the order-service,
 * each as the sender's outbox span and the receiver's {@code /internal} request; the
 * business counters of every instance move by exactly one order; and none of the figures
 * can be read through the public gateway.
 */
@SharedRestaurant(observed = true)
class ObservabilityIT {

	private static final Duration TRACE_ARRIVES = Duration.ofSeconds(60);

	private static final List<String> KITCHENS = List.of("kitchen-1", "kitchen-2", "kitchen-3");

	static Restaurant restaurant;

	@AfterEach
	void bringBackWhatWasKilled() {
		restaurant.restartWhatIsDown();
	}

	@Test
	void anOrderIsOneTraceFromTheGatewayToTheKitchenAndServingAndPayingItReachTheirReceivers() {
		Waiter waiter = restaurant.waiter();
		Restaurant.Response placed = Desk.ok(waiter.tryPlace("Z1", soup()), 201);
		String orderId = placed.json().path("id").asString();
		String placing = traceIdOf(placed);

		Set<String> services = awaitServicesIn(placing, "gateway", "order-service", "kitchen-service");
		assertThat(services).as("the services in the trace of placing order " + orderId)
			.contains("gateway", "order-service", "kitchen-service");
		assertThat(spanNamesIn(placing)).as("the outbox's send, a span of the same trace")
			.anyMatch((name) -> name.startsWith("outbox "));

		waiter.awaitStatus(orderId, "READY", Duration.ofMinutes(1));
		Restaurant.Response served = Desk.ok(waiter.tryServe(orderId), 200);
		String serving = traceIdOf(served);
		awaitServicesIn(serving, "gateway", "order-service", "cashier-service");
		awaitTheMessageIn(serving, "order-service", "cashier-service");

		Till till = restaurant.till();
		Bill bill = till.awaitBillOf(orderId);
		Restaurant.Response paid = Desk.ok(till.tryPay(bill.id(), PaymentRequest.card(bill.total())), 201);
		String paying = traceIdOf(paid);
		awaitServicesIn(paying, "gateway", "cashier-service", "order-service");
		awaitTheMessageIn(paying, "cashier-service", "order-service");
		waiter.awaitStatus(orderId, "PAID", Duration.ofSeconds(30));
	}

	@Test
	void anOrderPlacedWhileTheKitchenWasDownIsOneTraceWithTheTicketsResend() {
		KITCHENS.forEach(restaurant::kill);
		Waiter waiter = restaurant.waiter();
		Restaurant.Response placed = Desk.ok(waiter.tryPlace("Z2", soup()), 201);
		String orderId = placed.json().path("id").asString();
		String placing = traceIdOf(placed);
		awaitServicesIn(placing, "gateway", "order-service");

		restaurant.restartWhatIsDown();

		waiter.awaitStatus(orderId, "READY", Duration.ofMinutes(3));
		Set<String> services = awaitServicesIn(placing, "gateway", "order-service", "kitchen-service");
		assertThat(services).as("the ticket's re-send, in the trace of placing order " + orderId)
			.contains("kitchen-service");
		await("the failed sends of the ticket and the one that got through, in trace " + placing).atMost(TRACE_ARRIVES)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				List<JsonNode> sends = trace(placing).valueStream()
					.filter((span) -> isOutboxSend(span, "order-service"))
					.sorted(Comparator.comparingLong((span) -> span.path("timestamp").asLong()))
					.toList();
				assertThat(sends).as("the outbox's attempts to send the ticket").hasSizeGreaterThanOrEqualTo(2);
				JsonNode delivered = sends.get(sends.size() - 1);
				assertThat(failed(delivered)).as("the last attempt got through: %s", delivered).isFalse();
				assertThat(sends.subList(0, sends.size() - 1)).as("the attempts before it, while the kitchen was down")
					.anySatisfy((span) -> assertThat(failed(span)).as("failed: %s", span).isTrue());
				assertThat(trace(placing).valueStream()).as("the kitchen's receipt of the ticket")
					.anySatisfy((span) -> assertThat(isInternalReceipt(span, "kitchen-service")).isTrue());
			});
	}

	@Test
	void theBusinessCountersMoveByOneWholeOrder() {
		BusinessFigures before = BusinessFigures.read(restaurant);
		Waiter waiter = restaurant.waiter();
		Order order = Desk.ok(waiter.tryPlace("Z3", soup()), 201).as(Order.class);
		waiter.awaitStatus(order.id(), "READY", Duration.ofMinutes(1));
		waiter.serve(order.id());
		Till till = restaurant.till();
		Bill bill = till.awaitBillOf(order.id());
		till.pay(bill.id(), PaymentRequest.card(bill.total()));
		waiter.awaitStatus(order.id(), "PAID", Duration.ofSeconds(30));

		await("the counters of one whole order").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				BusinessFigures after = BusinessFigures.read(restaurant);
				assertThat(after.minus(before, "restaurant_orders_placed_total")).isEqualByComparingTo("1");
				for (String status : List.of("PLACED", "PREPARING", "READY", "SERVED", "PAID")) {
					assertThat(after.minus(before, "restaurant_orders_status_total{status=\"" + status + "\""))
						.as("orders that reached " + status)
						.isEqualByComparingTo("1");
				}
				assertThat(after.minus(before, "restaurant_tickets_cooked_total")).isEqualByComparingTo("1");
				assertThat(after.minus(before, "restaurant_ticket_wait_seconds_count")).isEqualByComparingTo("1");
				assertThat(after.minus(before, "restaurant_ticket_cook_seconds_count")).isEqualByComparingTo("1");
				assertThat(after.minus(before, "restaurant_payments_total{method=\"CARD\"")).isEqualByComparingTo("1");
				assertThat(after.minus(before, "restaurant_payments_amount_total{method=\"CARD\""))
					.isEqualByComparingTo(bill.total());
			});
	}

	@Test
	void noFigureCanBeReadThroughTheGateway() {
		for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/health",
				"/api/orders/../actuator/prometheus", "/api/menu/../../actuator/prometheus")) {
			Restaurant.Response anonymous = restaurant.exchange(
					HttpRequest.newBuilder(URI.create("http://localhost:" + restaurant.gatewayPort + path)).GET());
			assertThat(anonymous.status()).as(path + ": " + anonymous.describe()).isIn(400, 401, 404);
			assertThat(anonymous.body()).doesNotContain("jvm_", "restaurant_");
			Restaurant.Response manager = restaurant.get(path, restaurant.as(Staff.Role.MANAGER));
			assertThat(manager.status()).as(path + " signed in: " + manager.describe()).isIn(400, 401, 404);
			assertThat(manager.body()).doesNotContain("jvm_", "restaurant_");
		}
	}

	private static Line[] soup() {
		Waiter waiter = restaurant.waiter();
		return new Line[] { Line.of(waiter.firstAvailable("STARTER"), 1) };
	}

	private static String traceIdOf(Restaurant.Response response) {
		String traceId = response.header("X-Trace-Id");
		assertThat(traceId).as("X-Trace-Id of " + response.describe()).matches("[0-9a-f]{32}");
		return traceId;
	}

	/**
	 * Waits until the trace in Zipkin holds spans of each of the services, and returns
	 * all of them.
	 */
	private static Set<String> awaitServicesIn(String traceId, String... services) {
		return await("services " + String.join(", ", services) + " in trace " + traceId).atMost(TRACE_ARRIVES)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> servicesIn(traceId), (found) -> found.containsAll(List.of(services)));
	}

	/**
	 * Waits until the trace in Zipkin holds the sender's outbox span and the receiver's
	 * span of the {@code /internal} request it made.
	 */
	private static void awaitTheMessageIn(String traceId, String sender, String receiver) {
		await("the message from " + sender + " to " + receiver + " in trace " + traceId).atMost(TRACE_ARRIVES)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(trace(traceId).valueStream()).as("the spans of trace " + traceId)
				.anySatisfy((span) -> assertThat(isOutboxSend(span, sender)).isTrue())
				.anySatisfy((span) -> assertThat(isInternalReceipt(span, receiver)).isTrue()));
	}

	/** A span of the outbox's attempt to send a message ({@code outbox <event>}). */
	private static boolean isOutboxSend(JsonNode span, String service) {
		return serviceOf(span).equals(service) && span.path("name").asString().startsWith("outbox ");
	}

	/** The server span of a request to the service's {@code /internal} API. */
	private static boolean isInternalReceipt(JsonNode span, String service) {
		return serviceOf(span).equals(service) && span.path("kind").asString().equals("SERVER")
				&& span.path("name").asString().contains(" /internal/");
	}

	private static boolean failed(JsonNode span) {
		return span.path("tags").has("error");
	}

	private static String serviceOf(JsonNode span) {
		return span.path("localEndpoint").path("serviceName").asString();
	}

	private static Set<String> servicesIn(String traceId) {
		Set<String> services = new HashSet<>();
		for (JsonNode span : trace(traceId)) {
			services.add(span.path("localEndpoint").path("serviceName").asString());
		}
		return services;
	}

	private static List<String> spanNamesIn(String traceId) {
		List<String> names = new ArrayList<>();
		trace(traceId).forEach((span) -> names.add(span.path("name").asString()));
		return names;
	}

	private static JsonNode trace(String traceId) {
		Restaurant.Response trace = restaurant
			.exchange(HttpRequest.newBuilder(restaurant.zipkinUrl().resolve("/api/v2/trace/" + traceId)).GET());
		return (trace.status() == 200) ? trace.json() : JsonNodeFactory.instance.arrayNode();
	}

}
