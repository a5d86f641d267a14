package org.example.restaurant.system;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.example.restaurant.system.Till.PaymentRequest;
import org.example.restaurant.system.Waiter.Line;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * A shift at a steady, realistic load for {@code bench.soak-minutes} (30): orders
 * arriving ({@code bench.soak-rate} a second, 2), served when ready and paid, and twelve
 * tablets polling as the front-of-house app does (eight floor screens, four kitchen
 * screens, the calls of TabletsBenchmark's, each answer in full as no ETag is kept).
 * Every minute one line: orders placed and refused, the p99 of placing one, the outbox
 * backlog of every service, and the memory (RSS) of every process. Flat is the target.
 * Run with {@code ./restaurant bench --soak 30}.
 */
class SoakBenchmark {

	static final int MINUTES = Integer.getInteger("bench.soak-minutes", 30);

	static final double RATE = Double.parseDouble(System.getProperty("bench.soak-rate", "2"));

	@Test
	void aSteadyShift() {
		try (Restaurant restaurant = new Restaurant(3, "-soak")
			.with("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", RestaurantBenchmark.SAMPLING)
			.up()) {
			ConcurrentLinkedQueue<Long> placingNanos = new ConcurrentLinkedQueue<>();
			AtomicLong placed = new AtomicLong();
			AtomicLong refused = new AtomicLong();
			ScheduledExecutorService shift = Executors.newScheduledThreadPool(16);
			try {
				shift.scheduleAtFixedRate(() -> {
					long start = System.nanoTime();
					int status = restaurant.waiter()
						.tryPlace("S" + placed.get() % 20, Line.of("margherita", 1))
						.status();
					placingNanos.add(System.nanoTime() - start);
					(status == 201 ? placed : refused).incrementAndGet();
				}, 0, Math.round(1000 / RATE), TimeUnit.MILLISECONDS);
				shift.scheduleWithFixedDelay(() -> serveAndPay(restaurant), 2, 2, TimeUnit.SECONDS);
				// The calls of floor.js and kitchen.js at each beat
				// (TabletsBenchmark.Tablets),
				// without the ETags a browser keeps: each answer in full
				for (int tablet = 0; tablet < 12; tablet++) {
					boolean floor = tablet < TabletsBenchmark.FLOOR_TABLETS;
					Staff who = floor ? restaurant.waiter().staff() : restaurant.kitchen().staff();
					AtomicInteger beats = new AtomicInteger();
					shift.scheduleWithFixedDelay(() -> {
						int beat = beats.getAndIncrement();
						(floor ? TabletsBenchmark.Tablets.floor(beat) : TabletsBenchmark.Tablets.kitchen(beat)).stream()
							.flatMap(List::stream)
							.forEach((path) -> restaurant.get(path, who));
					}, tablet * 125L, TabletsBenchmark.BEAT.toMillis(), TimeUnit.MILLISECONDS);
				}
				System.out.printf("%nSoak: %d minutes, %.1f orders/s, 12 tablets polling%n", MINUTES, RATE);
				System.out.println("minute | placed | refused | p99 place | outbox pending | RSS MB per process");
				Instant next = Instant.now();
				for (int minute = 1; minute <= MINUTES; minute++) {
					Instant due = next.plus(Duration.ofMinutes(1));
					await("minute " + minute).atMost(Duration.ofMinutes(2))
						.pollInterval(Duration.ofSeconds(1))
						.until(() -> !Instant.now().isBefore(due));
					next = due;
					List<Long> minuteNanos = new ArrayList<>();
					for (Long nanos = placingNanos.poll(); nanos != null; nanos = placingNanos.poll()) {
						minuteNanos.add(nanos);
					}
					double[] millis = minuteNanos.stream().mapToDouble((n) -> n / 1e6).sorted().toArray();
					BigDecimal pending = BusinessFigures.read(restaurant).sum("restaurant_outbox_pending");
					System.out.printf(Locale.ROOT, "%6d | %6d | %7d | %6.1f ms | %14s | %s%n", minute, placed.get(),
							refused.get(), RestaurantBenchmark.percentile(millis, 99), pending.toPlainString(),
							restaurant.residentMegabytes());
				}
			}
			finally {
				shift.shutdownNow();
			}
		}
	}

	/** The waiter serves what is ready; the cashier takes a card for what is served. */
	private static void serveAndPay(Restaurant restaurant) {
		try {
			for (Waiter.Order order : restaurant.waiter().readList("/api/orders?status=READY", Waiter.Order.class)) {
				restaurant.waiter().tryServe(order.id());
			}
			for (Till.Bill bill : restaurant.till().readList("/api/bills?status=OPEN", Till.Bill.class)) {
				restaurant.till().tryPay(bill.id(), PaymentRequest.card(bill.balanceDue()));
			}
		}
		catch (RuntimeException | AssertionError ex) {
			System.out.println("serving and paying: " + ex.getMessage());
		}
	}

}
