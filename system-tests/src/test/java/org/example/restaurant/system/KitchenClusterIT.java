package org.example.restaurant.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.example.restaurant.system.Kitchen.Ticket;
import org.example.restaurant.system.Waiter.Line;
import org.example.restaurant.system.Waiter.Order;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The kitchen as a cluster, watched from the gateway: several replicas share the work,
 * and when one dies mid-service (kill -9) the others take its tickets over without a
 * guest or a waiter noticing.
 */
@SharedRestaurant
class KitchenClusterIT {

	private static final Line[] A_PIZZA_AND_TWO_LEMONADES = { Line.of("margherita", 1), Line.of("lemonade", 2) };

	static Restaurant restaurant;

	@BeforeAll
	static void threeKitchenReplicasAreListed() {
		await("three kitchen replicas").atMost(Duration.ofSeconds(60))
			.until(() -> restaurant.registryApp("kitchen-service").path("instance").size() == 3);
	}

	@AfterEach
	void bringBackWhatWasStoppedOrKilled() {
		restaurant.restartWhatIsDown();
	}

	@Test
	void thirtyOrdersAreSharedBetweenReplicas() {
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			orders.add(restaurant.waiter().place("C" + i, A_PIZZA_AND_TWO_LEMONADES).id());
		}
		restaurant.waiter().awaitEvery(orders, "READY", Duration.ofSeconds(120));

		Map<String, List<Ticket>> tickets = restaurant.kitchen().ticketsByOrder();
		Set<String> cooks = new HashSet<>();
		for (String order : orders) {
			assertThat(tickets.get(order)).as("ticket of order " + order).isNotNull();
			Ticket ticket = tickets.get(order).get(0);
			assertThat(ticket.status()).isEqualTo("READY");
			cooks.add(ticket.preparedBy());
		}
		System.out.println("30 orders were cooked by " + cooks);
		assertThat(cooks).hasSizeGreaterThanOrEqualTo(2).allMatch((id) -> id.startsWith("kitchen-"));
	}

	@Test
	void aKilledReplicaLosesNothingAndNoGuestNotices() throws Exception {
		List<String> failures = new CopyOnWriteArrayList<>();
		List<String> orders = new CopyOnWriteArrayList<>();
		AtomicBoolean streaming = new AtomicBoolean(true);
		// The waiter places and follows the orders, a cook watches the kitchen display.
		Staff waiter = restaurant.as(Staff.Role.WAITER);
		Staff cook = restaurant.as(Staff.Role.COOK);
		Thread stream = new Thread(() -> {
			int n = 0;
			while (streaming.get()) {
				// Raw answers: a refusal is counted, not thrown, so that the stream goes
				// on.
				Restaurant.Response placed = restaurant.waiter().tryPlace("K" + (n++), A_PIZZA_AND_TWO_LEMONADES);
				record(failures, "POST /api/orders", placed);
				if (placed.status() == 201) {
					orders.add(placed.as(Order.class).id());
				}
				record(failures, "GET /api/kitchen/tickets",
						restaurant.get("/api/kitchen/tickets?status=PREPARING", cook));
				record(failures, "GET /api/kitchen/cluster", restaurant.get("/api/kitchen/cluster", cook));
				if (!orders.isEmpty()) {
					record(failures, "GET /api/orders/{id}",
							restaurant.get("/api/orders/" + orders.get(orders.size() - 1), waiter));
				}
			}
		}, "order-stream");
		stream.start();
		try {
			// Wait for a replica that is cooking something, and kill it mid-cooking.
			String victim = await("a replica with tickets in its pans").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.until(restaurant.kitchen()::busiestReplica, (id) -> id != null);
			long killedAt = System.nanoTime();
			restaurant.kill(victim);
			List<String> victimTickets = restaurant.kitchen().ticketsHeldBy(victim);
			System.out.println("kill -9 " + victim + " while it held tickets " + victimTickets);
			assertThat(victimTickets).as("tickets in the dead replica's pans").isNotEmpty();

			Map<String, Long> takenOverAfter = new ConcurrentHashMap<>();
			await("another replica to take over " + victim + "'s tickets").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> {
					for (String ticketId : victimTickets) {
						String by = restaurant.kitchen().ticket(ticketId).preparedBy();
						if (!takenOverAfter.containsKey(ticketId) && !victim.equals(by)) {
							takenOverAfter.put(ticketId, millisSince(killedAt));
						}
					}
					return takenOverAfter.size() == victimTickets.size();
				});
			long outOfRegistry = await("the registry to drop " + victim).atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> listed(victim) ? null : millisSince(killedAt), (ms) -> ms != null);

			System.out.printf(
					"Takeover after kill -9 of %s: tickets re-claimed after %s ms; out of the registry after %d ms%n",
					victim, takenOverAfter.values(), outOfRegistry);

			// Keep the stream flowing a little after the takeover, then let it drain.
			int placedSoFar = orders.size();
			await().atMost(Duration.ofSeconds(60)).until(() -> orders.size() >= placedSoFar + 10);
		}
		finally {
			streaming.set(false);
			stream.join(Duration.ofSeconds(60).toMillis());
		}

		restaurant.waiter().awaitEvery(orders, "READY", Duration.ofSeconds(120));

		Map<String, List<Ticket>> ticketsPerOrder = restaurant.kitchen().ticketsByOrder();
		for (String order : orders) {
			assertThat(ticketsPerOrder.get(order)).as("tickets of order " + order).hasSize(1);
		}
		System.out
			.println(orders.size() + " orders streamed through the gateway, " + failures.size() + " requests failed");
		assertThat(failures).as("requests through the gateway that failed").isEmpty();

	}

	@Test
	void aReplicaStoppedNormallyLeavesAtOnceAndHandsItsTicketsBack() {
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			orders.add(restaurant.waiter().place("S" + i, A_PIZZA_AND_TWO_LEMONADES).id());
		}
		String leaving = await("a replica with tickets in its pans").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(restaurant.kitchen()::busiestReplica, (id) -> id != null);

		long stoppingAt = System.nanoTime();
		CompletableFuture<Long> stopped = CompletableFuture.supplyAsync(() -> {
			restaurant.stop(leaving);
			return millisSince(stoppingAt);
		});
		long outOfRegistry = await("the registry to drop " + leaving).atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> listed(leaving) ? null : millisSince(stoppingAt), (ms) -> ms != null);
		long stoppedAfter = stopped.join();
		long handedOver = await(leaving + "'s tickets to be taken over").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> restaurant.kitchen().ticketsHeldBy(leaving).isEmpty() ? millisSince(stoppingAt) : null,
					(ms) -> ms != null);
		System.out.printf(
				"Graceful stop of %s: process ended after %d ms, out of rotation (not UP in the registry) after %d ms, its tickets held by others after %d ms%n",
				leaving, stoppedAfter, outOfRegistry, handedOver);

		restaurant.waiter().awaitEvery(orders, "READY", Duration.ofSeconds(120));
	}

	/** Whether the registry offers the instance to clients (lists it as UP). */
	private static boolean listed(String instanceId) {
		return restaurant.listsUp("kitchen-service", instanceId);
	}

	private static void record(List<String> failures, String what, Restaurant.Response response) {
		if (response.status() >= 300) {
			failures.add(what + " -> " + response.status() + " " + response.body());
		}
	}

	private static long millisSince(long nanos) {
		return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
	}

}
