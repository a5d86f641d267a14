package org.example.restaurant.system;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.example.restaurant.system.Kitchen.Ticket;
import org.example.restaurant.system.Waiter.Line;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * Tickets per second with one kitchen replica, then with three, under the same stream of
 * orders with simulated cook time. Prints figures; asserts only that every order was
 * cooked. Run with {@code ./mvnw -Pbenchmark verify} (see docs/cluster.md).
 */
class KitchenThroughputBenchmark {

	static final int ORDERS = Integer.getInteger("bench.orders", 60);

	@Test
	void ticketsPerSecondWithOneAndWithThreeReplicas() {
		Figures figures = measure();
		System.out.printf("%nKitchen throughput, %d one-pizza orders, 2 cooks per replica, 2.4 s per pizza:%n", ORDERS);
		System.out.printf("  1 replica:  %.2f tickets/s%n", figures.one());
		System.out.printf("  3 replicas: %.2f tickets/s%n", figures.three());
		System.out.printf("  speed-up:   %.2fx (target 2.8x)%n%n", figures.three() / figures.one());
	}

	/**
	 * Tickets per second on a restaurant of its own with one kitchen replica, then with
	 * three (RestaurantBenchmark prints them in its table).
	 */
	static Figures measure() {
		// Every order is one pizza: 600 s of real prep time, 2.4 s here. Idle cooks look
		// for work every 100 ms.
		try (Restaurant restaurant = new Restaurant(1, "-kitchen-bench").with("KITCHEN_TIME_SCALE", "0.004")
			.with("KITCHEN_POLL_INTERVAL", "100ms")
			.up()) {
			double one = run(restaurant, "one");
			restaurant.with("KITCHENS", "3").restartWhatIsDown();
			await("three kitchen replicas").atMost(Duration.ofSeconds(120))
				.until(() -> restaurant.registryApp("kitchen-service").path("instance").size() == 3);
			return new Figures(one, run(restaurant, "three"));
		}
	}

	/** Tickets per second with one replica and with three. */
	record Figures(double one, double three) {

	}

	private static double run(Restaurant restaurant, String label) {
		// The stream: several waiters placing orders through the gateway as fast as it
		// takes them.
		List<String> orders = IntStream.range(0, ORDERS)
			.parallel()
			.mapToObj((i) -> restaurant.waiter().place("B" + i, Line.of("margherita", 1)).id())
			.collect(Collectors.toCollection(CopyOnWriteArrayList::new));
		Set<String> pending = new HashSet<>(orders);
		await(label + ": every order cooked").atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				for (Ticket ticket : restaurant.kitchen().tickets("READY")) {
					pending.remove(ticket.orderId());
				}
				return pending.isEmpty();
			});
		Instant firstStart = Instant.MAX;
		Instant lastReady = Instant.MIN;
		Set<String> cooks = new HashSet<>();
		for (Ticket ticket : restaurant.kitchen().tickets("READY")) {
			if (orders.contains(ticket.orderId())) {
				firstStart = ticket.startedAt().isBefore(firstStart) ? ticket.startedAt() : firstStart;
				lastReady = ticket.readyAt().isAfter(lastReady) ? ticket.readyAt() : lastReady;
				cooks.add(ticket.preparedBy());
			}
		}
		double seconds = Duration.between(firstStart, lastReady).toMillis() / 1000.0;
		double perSecond = ORDERS / seconds;
		System.out.printf("%s replica(s): %d tickets in %.1f s = %.2f tickets/s, cooked by %s%n", label, ORDERS,
				seconds, perSecond, cooks);
		return perSecond;
	}

}
