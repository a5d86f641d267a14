package org.example.restaurant.system;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.example.restaurant.system.Kitchen.Ticket;
import org.example.restaurant.system.Till.Bill;
import org.example.restaurant.system.Till.PaymentRequest;
import org.example.restaurant.system.Waiter.Line;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the tablets' polling costs the restaurant (docs/api.md, "Polling"): the CPU time
 * of all its processes (utime + stime of each pid in the run folder's {@code pids/}) over
 * a minute with nothing happening, then over a minute with twelve tablets polling as the
 * front-of-house app does, eight floor screens and four kitchen displays, each doing per
 * beat exactly the calls of {@code floor.js} and {@code kitchen.js}; first as the app did
 * before (one call per status, every list read and written out at every beat), then as it
 * does now (one call per screen's lists, revalidated with {@code If-None-Match}, so an
 * unchanged list is a 304). Prints the figures (CPU added by the tablets as a share of
 * the whole machine); asserts nothing about them.
 * <p>
 * The restaurant holds a day so far ({@code bench.history} orders served and paid) and
 * {@code bench.active} open orders at its tables, in every status (placed, cooking,
 * ready, served with an open bill). The kitchen is worked by hand
 * ({@code KITCHEN_AUTO_COOK=false}) so nothing moves while the figures are taken: what is
 * measured is the cost of asking "anything new?" every beat when the answer is mostly no.
 * Run with {@code ./mvnw -Pbenchmark verify -Dit.test=TabletsBenchmark}
 * ({@code -Dbench.seconds} for the length of each window, {@code -Dbench.before=false} to
 * leave out the old way).
 */
class TabletsBenchmark {

	static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));

	static final int HISTORY = Integer.getInteger("bench.history", 120);

	static final int ACTIVE = Integer.getInteger("bench.active", 36);

	static final boolean BEFORE = Boolean.parseBoolean(System.getProperty("bench.before", "true"));

	static final int FLOOR_TABLETS = 8;

	static final int KITCHEN_TABLETS = 4;

	/** The beat of floor.js and kitchen.js (their {@code Poller}s). */
	static final Duration BEAT = Duration.ofMillis(1500);

	/** floor.js asks for the menu every 8th beat. */
	static final int MENU_EVERY = 8;

	/** kitchen.js asks for the cluster view every 4th beat (before: every beat). */
	static final int CLUSTER_EVERY = 4;

	static final List<String> ACTIVE_STATUSES = List.of("PLACED", "PREPARING", "READY", "SERVED");

	@Test
	void cpuAddedByTwelvePollingTablets() {
		try (Restaurant restaurant = new Restaurant(3).with("KITCHEN_AUTO_COOK", "false").up()) {
			int cores = Runtime.getRuntime().availableProcessors();
			String state = setTheTables(restaurant);
			System.out.printf("%nThe restaurant: %s%n", state);

			// Every code path the tablets take compiled before anything is measured
			poll(restaurant, true, Duration.ofSeconds(15));
			if (BEFORE) {
				poll(restaurant, false, Duration.ofSeconds(15));
			}
			hold(Duration.ofSeconds(5));

			Cpu idle = Cpu.over(restaurant, WINDOW, () -> hold(WINDOW));
			Phase before = BEFORE ? measure(restaurant, false) : null;
			Phase now = measure(restaurant, true);

			System.out.printf(
					"%nTwelve tablets (%d floor, %d kitchen, a beat every %.1f s), %d s per window, %d cores:%n",
					FLOOR_TABLETS, KITCHEN_TABLETS, BEAT.toMillis() / 1000.0, WINDOW.toSeconds(), cores);
			System.out.printf("  idle:                  %5.2f %% of the machine%n", idle.percent(cores));
			if (before != null) {
				before.print("tablets as before:", idle, cores);
			}
			now.print("tablets now:", idle, cores);
			System.out.printf(
					"%nThe whole machine meanwhile (the tablets and anything else running beside): idle %.1f %%%s,"
							+ " now %.1f %%%n",
					idle.machinePercent(cores),
					(before != null) ? ", before %.1f %%".formatted(before.cpu().machinePercent(cores)) : "",
					now.cpu().machinePercent(cores));
			System.out.printf("%nCPU per part (%% of the machine): %s%n", idle.header());
			System.out.printf("  idle:               %s%n", idle.perPart(cores));
			if (before != null) {
				System.out.printf("  tablets as before:  %s%n", before.cpu().perPart(cores));
			}
			System.out.printf("  tablets now:        %s%n%n", now.cpu().perPart(cores));
		}
	}

	/** Twelve tablets polling for a window, with the CPU it cost. */
	private static Phase measure(Restaurant restaurant, boolean conditional) {
		Tablets tablets = Tablets.of(restaurant, conditional);
		Cpu cpu = Cpu.over(restaurant, WINDOW, () -> tablets.run(WINDOW));
		// figures of tablets that met errors would say nothing
		assertThat(tablets.statuses().keySet()).as("the statuses the tablets got").isSubsetOf(200, 304);
		return new Phase(cpu, tablets.statuses(), tablets.bodyBytes(), tablets.calls(), WINDOW);
	}

	/** Twelve tablets polling for a while, unmeasured (to warm up). */
	private static void poll(Restaurant restaurant, boolean conditional, Duration duration) {
		Tablets.of(restaurant, conditional).run(duration);
	}

	/**
	 * The day so far and the open orders now, every one in the state it is meant to be in
	 * and every message between the services delivered; returns what it made.
	 */
	private static String setTheTables(Restaurant restaurant) {
		Waiter waiter = restaurant.waiter();
		Kitchen kitchen = restaurant.kitchen();
		Till till = restaurant.till();
		Line[] dinner = { Line.of("margherita", 2), Line.of("tiramisu", 1).withNote("two spoons") };

		List<String> day = place(waiter, HISTORY, dinner);
		cook(restaurant, kitchen, day, true);
		waiter.awaitEvery(day, "READY", Duration.ofMinutes(2));
		day.parallelStream().forEach(waiter::serve);
		day.parallelStream().forEach((id) -> {
			Bill bill = till.awaitBillOf(id);
			till.pay(bill.id(), PaymentRequest.card(bill.balanceDue()));
		});
		waiter.awaitEvery(day, "PAID", Duration.ofMinutes(2));

		// Open orders: a third still placed, the others cooking, ready or served in turn
		List<String> open = place(waiter, ACTIVE, dinner);
		List<String> started = open.subList(ACTIVE / 3, ACTIVE);
		int third = started.size() / 3;
		List<String> cooking = started.subList(0, third);
		List<String> ready = started.subList(third, 2 * third);
		List<String> served = started.subList(2 * third, started.size());
		List<String> cooked = Stream.concat(ready.stream(), served.stream()).toList();
		cook(restaurant, kitchen, cooking, false);
		cook(restaurant, kitchen, cooked, true);
		waiter.awaitEvery(cooking, "PREPARING", Duration.ofMinutes(1));
		waiter.awaitEvery(cooked, "READY", Duration.ofMinutes(1));
		served.parallelStream().forEach(waiter::serve);
		served.forEach(till::awaitBillOf);
		return "%d orders paid today; open: %d placed, %d cooking, %d ready, %d served (bill open)".formatted(HISTORY,
				ACTIVE / 3, cooking.size(), ready.size(), served.size());
	}

	private static List<String> place(Waiter waiter, int count, Line... lines) {
		return IntStream.range(0, count)
			.parallel()
			.mapToObj((i) -> waiter.place("T" + (1 + i % 12), lines).id())
			.toList();
	}

	/** The orders' tickets started by a cook at the display, and finished if asked. */
	private static void cook(Restaurant restaurant, Kitchen kitchen, Collection<String> orders, boolean finish) {
		Map<String, String> tickets = new ConcurrentHashMap<>();
		await("the tickets of " + orders.size() + " orders").atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				for (Ticket ticket : kitchen.tickets()) {
					if (orders.contains(ticket.orderId())) {
						tickets.put(ticket.orderId(), ticket.id());
					}
				}
				return tickets.size() == orders.size();
			});
		tickets.values().parallelStream().forEach((ticket) -> {
			Desk.ok(kitchen.tryStart(ticket), 200);
			if (finish) {
				Desk.ok(kitchen.tryReady(ticket), 200);
			}
		});
	}

	/**
	 * A measurement window (or a pause before one): a span of time, not a wait for
	 * something to happen.
	 */
	private static void hold(Duration duration) {
		Instant end = Instant.now().plus(duration);
		await("the end of the window").atMost(duration.plusSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !Instant.now().isBefore(end));
	}

	/** What a window with tablets cost and what they got. */
	record Phase(Cpu cpu, Map<Integer, Long> statuses, long bodyBytes, long calls, Duration window) {

		void print(String label, Cpu idle, int cores) {
			double added = this.cpu.percent(cores) - idle.percent(cores);
			double seconds = this.window.toMillis() / 1000.0;
			long notModified = this.statuses.getOrDefault(304, 0L);
			System.out.printf(
					"  %-21s %5.2f %% of the machine, added by the tablets %5.2f %% (%.1f calls/s, %d %% 304,"
							+ " %.1f KB/s of bodies; statuses %s)%n",
					label, this.cpu.percent(cores), added, this.calls / seconds,
					(this.calls > 0) ? Math.round(100.0 * notModified / this.calls) : 0,
					this.bodyBytes / seconds / 1024, this.statuses);
		}

	}

	/**
	 * The CPU time the restaurant's processes used in a window: utime + stime of each pid
	 * in {@code pids/} of the run folder, from {@code /proc/<pid>/stat}.
	 */
	record Cpu(Map<String, Long> ticks, long machineTicks, long ticksPerSecond, Duration window) {

		static Cpu over(Restaurant restaurant, Duration window, Runnable during) {
			Map<String, Long> pids = restaurant.pids();
			Map<String, Long> before = ticksOf(pids);
			long machineBefore = machineBusyTicks();
			long start = System.nanoTime();
			during.run();
			Map<String, Long> after = ticksOf(pids);
			long machineAfter = machineBusyTicks();
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			Map<String, Long> used = new TreeMap<>();
			after.forEach((name, ticks) -> used.put(name, ticks - before.getOrDefault(name, ticks)));
			return new Cpu(used, machineAfter - machineBefore, clockTicks(), elapsed);
		}

		double percent(int cores) {
			return percent(this.ticks.values().stream().mapToLong(Long::longValue).sum(), cores);
		}

		/**
		 * How busy the whole machine was (every process, this test's tablets and anything
		 * else running beside it), to tell whether the window was a quiet one.
		 */
		double machinePercent(int cores) {
			return percent(this.machineTicks, cores);
		}

		/**
		 * user + nice + system + irq + softirq + steal of the machine, from /proc/stat.
		 */
		private static long machineBusyTicks() {
			try {
				String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
				long busy = 0;
				for (int i : new int[] { 1, 2, 3, 6, 7, 8 }) {
					busy += (i < cpu.length) ? Long.parseLong(cpu[i]) : 0;
				}
				return busy;
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		String header() {
			return String.join("  ", this.ticks.keySet().stream().map((name) -> "%9s".formatted(name)).toList());
		}

		String perPart(int cores) {
			return String.join("  ",
					this.ticks.values().stream().map((ticks) -> "%9.2f".formatted(percent(ticks, cores))).toList());
		}

		private double percent(long ticks, int cores) {
			return 100.0 * ticks / this.ticksPerSecond / (this.window.toMillis() / 1000.0) / cores;
		}

		private static Map<String, Long> ticksOf(Map<String, Long> pids) {
			Map<String, Long> ticks = new TreeMap<>();
			pids.forEach((name, pid) -> {
				try {
					String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
					// after "pid (comm) ": state is field 3, utime 14 and stime 15
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					ticks.put(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
				}
				catch (IOException ex) {
					throw new IllegalStateException(name + " (pid " + pid + ") is not running", ex);
				}
			});
			return ticks;
		}

		private static long clockTicks() {
			try {
				Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
				String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
				return (getconf.waitFor() == 0) ? Long.parseLong(out) : 100;
			}
			catch (IOException | NumberFormatException ex) {
				return 100;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return 100;
			}
		}

	}

	/**
	 * Twelve tablets, each with a connection of its own (as a browser keeps one), signed
	 * in as the waiter or the cook, each beating on its own, started at a random moment
	 * of the first beat.
	 */
	static final class Tablets {

		private final List<Tablet> tablets;

		private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

		private final LongAdder bodyBytes = new LongAdder();

		private final LongAdder calls = new LongAdder();

		private Tablets(List<Tablet> tablets) {
			this.tablets = tablets;
		}

		static Tablets of(Restaurant restaurant, boolean conditional) {
			// tokens that outlast the window (a sign-in would be no poll)
			Door.freshToken(restaurant.as(Staff.Role.WAITER));
			Door.freshToken(restaurant.as(Staff.Role.COOK));
			List<Tablet> tablets = new ArrayList<>();
			Tablets all = new Tablets(tablets);
			for (int i = 0; i < FLOOR_TABLETS; i++) {
				tablets.add(new Tablet(all, restaurant.waiter(), conditional,
						conditional ? Tablets::floor : Tablets::floorBefore));
			}
			for (int i = 0; i < KITCHEN_TABLETS; i++) {
				tablets.add(new Tablet(all, restaurant.kitchen(), conditional,
						conditional ? Tablets::kitchen : Tablets::kitchenBefore));
			}
			return all;
		}

		/**
		 * floor.js now: the menu every 8th beat, then the active orders in one call. Each
		 * list in a call of its own: {@code [[menu], [orders]]}.
		 */
		static List<List<String>> floor(int beat) {
			String orders = "/api/orders?"
					+ String.join("&", ACTIVE_STATUSES.stream().map((s) -> "status=" + s).toList());
			return (beat % MENU_EVERY == 0) ? List.of(List.of("/api/menu"), List.of(orders)) : List.of(List.of(orders));
		}

		/** floor.js before: the menu every 8th beat, then one call per active status. */
		static List<List<String>> floorBefore(int beat) {
			List<String> orders = ACTIVE_STATUSES.stream().map((s) -> "/api/orders?status=" + s).toList();
			return (beat % MENU_EVERY == 0) ? List.of(List.of("/api/menu"), orders) : List.of(orders);
		}

		/**
		 * kitchen.js now: the three lanes in one call and the ready orders, and every 4th
		 * beat the cluster.
		 */
		static List<List<String>> kitchen(int beat) {
			String tickets = "/api/kitchen/tickets?status=QUEUED&status=PREPARING&status=READY";
			return (beat % CLUSTER_EVERY == 0)
					? List.of(List.of(tickets, "/api/orders?status=READY", "/api/kitchen/cluster"))
					: List.of(List.of(tickets, "/api/orders?status=READY"));
		}

		/** kitchen.js before: one call per lane, the ready orders, the cluster. */
		static List<List<String>> kitchenBefore(int beat) {
			return List.of(List.of("/api/kitchen/tickets?status=QUEUED", "/api/kitchen/tickets?status=PREPARING",
					"/api/kitchen/tickets?status=READY", "/api/orders?status=READY", "/api/kitchen/cluster"));
		}

		/** Every tablet beating for a while; returns once they all stopped. */
		void run(Duration duration) {
			ScheduledExecutorService beats = Executors.newScheduledThreadPool(this.tablets.size());
			for (Tablet tablet : this.tablets) {
				beats.scheduleWithFixedDelay(tablet::beat, ThreadLocalRandom.current().nextLong(BEAT.toMillis()),
						BEAT.toMillis(), TimeUnit.MILLISECONDS);
			}
			hold(duration);
			beats.shutdown();
			try {
				if (!beats.awaitTermination(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("a tablet's beat did not end");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		Map<Integer, Long> statuses() {
			Map<Integer, Long> counted = new TreeMap<>();
			this.statuses.forEach((status, count) -> counted.put(status, count.sum()));
			return counted;
		}

		long bodyBytes() {
			return this.bodyBytes.sum();
		}

		long calls() {
			return this.calls.sum();
		}

		void count(int status, int bytes) {
			this.statuses.computeIfAbsent(status, (s) -> new LongAdder()).increment();
			this.bodyBytes.add(bytes);
			this.calls.increment();
		}

	}

	/**
	 * One tablet: per beat, the groups of calls its screen makes, one group after the
	 * other and the calls of a group at once (floor.js reads the menu before the orders;
	 * kitchen.js makes its calls together). Conditional, it keeps each list's ETag and
	 * asks {@code If-None-Match}, as the browser does for the app.
	 */
	static final class Tablet {

		private final Tablets all;

		/** Whose screen it is: the waiter's floor or the cook's kitchen display. */
		private final Desk desk;

		private final boolean conditional;

		private final IntFunction<List<List<String>>> calls;

		private final HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		private final Map<String, String> etags = new ConcurrentHashMap<>();

		private int beats;

		Tablet(Tablets all, Desk desk, boolean conditional, IntFunction<List<List<String>>> calls) {
			this.all = all;
			this.desk = desk;
			this.conditional = conditional;
			this.calls = calls;
		}

		void beat() {
			try {
				for (List<String> group : this.calls.apply(this.beats++)) {
					CompletableFuture.allOf(group.stream().map(this::get).toArray(CompletableFuture[]::new)).join();
				}
			}
			catch (RuntimeException ex) {
				// a tablet keeps its beat whatever one call met (the app's Poller does
				// too)
				System.out.println("A tablet's beat failed: " + ex);
			}
		}

		private CompletableFuture<Void> get(String path) {
			String token = this.desk.staff().token();
			HttpRequest.Builder request = HttpRequest.newBuilder(this.desk.restaurant().gatewayUrl(path))
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "application/json, application/problem+json, text/plain")
				.header("Authorization", "Bearer " + token)
				.GET();
			String etag = this.etags.get(path);
			if (this.conditional && etag != null) {
				request.header("If-None-Match", etag);
			}
			return this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
				.thenAccept((response) -> {
					this.all.count(response.statusCode(), response.body().length);
					response.headers().firstValue("ETag").ifPresent((tag) -> this.etags.put(path, tag));
					if (response.statusCode() == 401) {
						// the token ended (it lives 15 minutes): sign in again for the
						// next beat
						this.desk.staff().renew(token);
					}
				});
		}

	}

}
