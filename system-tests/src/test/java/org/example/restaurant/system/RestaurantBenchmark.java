package org.example.restaurant.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.example.restaurant.system.Kitchen.Ticket;
import org.example.restaurant.system.Waiter.Line;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * The restaurant's figures, each measured in one run on restaurants of its own (free
 * ports, own run folders), printed as one table beside the targets of docs/performance.md
 * and written to {@code target/bench/}: the gateway's cost over a direct call, orders per
 * second through the gateway on H2 and on PostgreSQL, order to ticket at the kitchen idle
 * and under load, the kitchen's throughput with one and three replicas, the cold start
 * and the memory of every process. Signed in, traced at the production sampling rate
 * ({@code bench.sampling}, 0.1), the load from wrk ({@link Wrk}). Run with
 * {@code ./restaurant bench}. It asserts nothing about speed.
 */
class RestaurantBenchmark {

	static final Duration ROUND = Duration.ofSeconds(Long.getLong("bench.round-seconds", 5));

	static final int ROUNDS = Integer.getInteger("bench.rounds", 5);

	static final Duration ORDERS_RUN = Duration.ofSeconds(Long.getLong("bench.orders-seconds", 30));

	/**
	 * How long orders arrive at full speed before anything is measured. A kitchen replica
	 * gets a third of the tickets: after 10 s of orders its JIT compiler still compiled
	 * about 3,000 methods during the measured run, after 60 s about 600
	 * (docs/performance.md, 2026-12-03).
	 */
	static final Duration WARM_UP_ORDERS = Duration.ofSeconds(Long.getLong("bench.warm-up-orders-seconds", 60));

	static final int CONNECTIONS = Integer.getInteger("bench.connections", 32);

	static final String SAMPLING = System.getProperty("bench.sampling", "0.1");

	/**
	 * Whether to record, after the measured runs, one more run of orders under Java
	 * Flight Recorder in every process, and print where each spent its CPU.
	 */
	static final boolean PROFILE = Boolean.parseBoolean(System.getProperty("bench.profile", "true"));

	private final Figures figures = new Figures();

	/** Which parts to measure: {@code h2}, {@code postgres}, {@code kitchen}. */
	static final List<String> PARTS = List.of(System.getProperty("bench.parts", "h2,postgres,kitchen").split(","));

	@Test
	void theRestaurantsFigures() throws IOException {
		if (PARTS.contains("h2")) {
			onH2();
		}
		if (PARTS.contains("postgres")) {
			onPostgres();
		}
		if (PARTS.contains("kitchen")) {
			KitchenThroughputBenchmark.Figures kitchen = KitchenThroughputBenchmark.measure();
			this.figures.add("Kitchen throughput, 1 replica", "%.2f tickets/s", kitchen.one(), "", "");
			this.figures.add("Kitchen throughput, 3 replicas", "%.2f tickets/s", kitchen.three(), "", "");
			this.figures.add("Kitchen speed-up, 3 over 1", "%.2fx", kitchen.three() / kitchen.one(), ">= 2.8x", "");
		}
		this.figures.print();
	}

	private void onH2() {
		Restaurant restaurant = benchRestaurant(new Restaurant(3, "-bench"));
		// The class data sharing archives are made once per build, not at each start
		restaurant.launcher("cds");
		Instant launched = Instant.now();
		try (Restaurant open = restaurant.up()) {
			double coldStart = Duration.between(launched, Instant.now()).toMillis() / 1000.0;
			this.figures.add("Cold start, ./restaurant up to all serving (H2, 3 kitchens)", "%.1f s", coldStart,
					"<= 45 s", "74 s");
			warmUp(open);
			gatewayCost(open);
			orderToTicketIdle(open);
			ordersThroughTheGateway(open, "H2");
			memory(open);
			if (PROFILE) {
				profile(open);
			}
		}
	}

	private void onPostgres() {
		try (PostgresDatabases databases = PostgresDatabases.create()) {
			String manager = "900";
			String pin = String.valueOf(100000 + new SecureRandom().nextInt(900000));
			Restaurant restaurant = benchRestaurant(databases.configure(new Restaurant(3, "-bench-postgres"), 10))
				.with("STAFF_FIRST_MANAGER_NUMBER", manager)
				.with("STAFF_FIRST_MANAGER_PIN", pin);
			// No demo staff on PostgreSQL: the first manager places the orders.
			restaurant.staffAs(Staff.Role.WAITER, new Staff(restaurant, manager, pin))
				.staffAs(Staff.Role.COOK, new Staff(restaurant, manager, pin));
			try (Restaurant open = restaurant.up()) {
				warmUp(open);
				ordersThroughTheGateway(open, "PostgreSQL");
			}
		}
	}

	private static Restaurant benchRestaurant(Restaurant restaurant) {
		restaurant.with("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", SAMPLING)
			.with("RESTAURANT_OUTBOX_MAXBACKOFF", "30s");
		// Settings to compare, as NAME=VALUE,NAME=VALUE (environment of every process)
		for (String setting : System.getProperty("bench.env", "").split(",")) {
			if (setting.contains("=")) {
				restaurant.with(setting.substring(0, setting.indexOf('=')),
						setting.substring(setting.indexOf('=') + 1));
			}
		}
		// The launcher's JVM options unless told otherwise, to compare them
		String javaOpts = System.getProperty("bench.java-opts", "");
		return javaOpts.isBlank() ? restaurant : restaurant.with("JAVA_OPTS", javaOpts);
	}

	/** Both paths the figures take, so that the JIT compilers have seen them. */
	private static void warmUp(Restaurant restaurant) {
		Wrk wrk = new Wrk(CONNECTIONS, Duration.ofSeconds(10));
		wrk.get(restaurant.gatewayUrl("/api/menu"));
		wrk.get(restaurant.serviceUrl("ORDER_PORT", "/api/menu"));
		new Wrk(CONNECTIONS, WARM_UP_ORDERS).orders(restaurant.gatewayUrl("/"), restaurant.waiter().staff().token(),
				"margherita", "warm-up");
		settle(restaurant);
	}

	/**
	 * Waits until every service has sent what its outbox holds, so that the backlog of
	 * one run does not take CPU from the next.
	 */
	static void settle(Restaurant restaurant) {
		await("every outbox to be empty").atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> BusinessFigures.read(restaurant).sum("restaurant_outbox_pending").signum() == 0);
	}

	/**
	 * {@code GET /api/menu} through the gateway and straight to the order-service, in
	 * interleaved rounds; the median of the rounds' ratios.
	 */
	private void gatewayCost(Restaurant restaurant) {
		Wrk wrk = new Wrk(CONNECTIONS, ROUND);
		List<Wrk.Result> direct = new ArrayList<>();
		List<Wrk.Result> through = new ArrayList<>();
		double[] ratios = new double[ROUNDS];
		for (int round = 0; round < ROUNDS; round++) {
			direct.add(wrk.get(restaurant.serviceUrl("ORDER_PORT", "/api/menu")));
			through.add(wrk.get(restaurant.gatewayUrl("/api/menu")));
			ratios[round] = through.get(round).perSecond() / direct.get(round).perSecond();
			System.out.printf(Locale.ROOT, "round %d: direct %.0f/s, gateway %.0f/s, ratio %.2f%n", round + 1,
					direct.get(round).perSecond(), through.get(round).perSecond(), ratios[round]);
		}
		this.figures.add("GET /api/menu straight to the order-service", "%.0f req/s",
				median(direct, Wrk.Result::perSecond), "", "~2,900 req/s");
		this.figures.add("GET /api/menu through the gateway", "%.0f req/s", median(through, Wrk.Result::perSecond), "",
				"810-1,067 req/s");
		this.figures.add("  p50 / p99 straight", "%s", latencies(direct), "", "");
		this.figures.add("  p50 / p99 through the gateway", "%s", latencies(through), "", "");
		this.figures.add("Gateway keeps of direct (median of " + ROUNDS + " interleaved rounds)", "%.2f",
				median(ratios), ">= 0.68", "0.27-0.37");
	}

	/** One order at a time, five a second: how soon the kitchen has each ticket. */
	private void orderToTicketIdle(Restaurant restaurant) {
		List<String> orders = new ArrayList<>();
		ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
		try {
			pace.scheduleAtFixedRate(
					() -> orders.add(restaurant.waiter().place("I" + orders.size(), Line.of("margherita", 1)).id()), 0,
					200, TimeUnit.MILLISECONDS);
			await("30 orders placed one by one").atMost(Duration.ofMinutes(1)).until(() -> orders.size() >= 30);
		}
		finally {
			pace.shutdownNow();
		}
		List<String> placed = List.copyOf(orders);
		double[] millis = orderToTicket(restaurant, (ticket) -> placed.contains(ticket.orderId()), placed.size());
		this.figures.add("Order -> ticket, idle (30 orders, 5/s): p50 / p99", "%s", p50p99(millis), "", "");
	}

	/**
	 * Orders through the gateway from {@link #CONNECTIONS} connections, as fast as it
	 * takes them, then how soon the kitchen had each of their tickets.
	 */
	private void ordersThroughTheGateway(Restaurant restaurant, String database) {
		Map<String, Restaurant.Jit> jitBefore = restaurant.jit();
		Instant start = Instant.now();
		Map<String, Double> cpuBefore = restaurant.cpuSeconds();
		Wrk.Result orders = new Wrk(CONNECTIONS, ORDERS_RUN).orders(restaurant.gatewayUrl("/"),
				restaurant.waiter().staff().token(), "margherita", "bench-" + database);
		Map<String, Double> cpuAfter = restaurant.cpuSeconds();
		Instant end = Instant.now();
		Map<String, Restaurant.Jit> jitAfter = restaurant.jit();
		this.figures.add("POST /api/orders through the gateway, " + database + ", " + CONNECTIONS + " connections",
				"%.0f orders/s", orders.perSecond(), ">= 1,000/s", "91-143/s");
		this.figures.add("  p50 / p99", "%s", "%.1f / %.1f ms".formatted(orders.p50Millis(), orders.p99Millis()),
				"p99 <= 50 ms", "p99 745-852 ms");
		this.figures.add("  errors (4xx, 5xx, no answer)", "%d of %d",
				new Object[] { orders.errors(), orders.requests() }, "0", "");
		long accepted = orders.requests() - orders.errors();
		double[] millis = orderToTicket(restaurant,
				(ticket) -> !ticket.placedAt().isBefore(start) && ticket.placedAt().isBefore(end), accepted);
		this.figures.add("Order -> ticket under that load (" + database + "): p50 / p99", "%s", p50p99(millis),
				"p99 <= 250 ms", "");
		this.figures.add("  CPU per order placed (" + database + "), by process", "%s",
				cpuPerOrder(cpuBefore, cpuAfter, accepted, Duration.between(start, end)), "", "");
		this.figures.add("  JIT compiling during that run (" + database + "), by process", "%s",
				jitDuring(jitBefore, jitAfter), "", "");
		settle(restaurant);
	}

	/**
	 * What each process's JIT compilers did during a run: methods compiled, and the
	 * compiler threads' seconds. A process still compiling thousands of methods under
	 * load is not warm yet, and its CPU per order counts the compiling too.
	 */
	static String jitDuring(Map<String, Restaurant.Jit> before, Map<String, Restaurant.Jit> after) {
		StringJoiner line = new StringJoiner(", ");
		after.forEach((name, jit) -> {
			Restaurant.Jit start = before.get(name);
			if (start != null) {
				line.add(String.format(Locale.ROOT, "%s %d methods in %.1f s", name, jit.compiles() - start.compiles(),
						jit.seconds() - start.seconds()));
			}
		});
		return line.toString();
	}

	/**
	 * Where the machine's CPU went during a run: each process's CPU milliseconds per
	 * order, the machine's busy share of its cores, and what the restaurant's processes
	 * did not use (wrk, the databases' servers, the rest of the machine). The tickets'
	 * sends that the run left queued are not in it.
	 */
	static String cpuPerOrder(Map<String, Double> before, Map<String, Double> after, long orders, Duration run) {
		StringBuilder line = new StringBuilder();
		double processes = 0;
		for (Map.Entry<String, Double> entry : after.entrySet()) {
			Double start = before.get(entry.getKey());
			if (start == null || entry.getKey().equals(Restaurant.MACHINE)) {
				continue;
			}
			double used = entry.getValue() - start;
			processes += used;
			line.append(String.format(Locale.ROOT, "%s %.1f, ", entry.getKey(), used * 1000 / orders));
		}
		double machine = after.get(Restaurant.MACHINE) - before.get(Restaurant.MACHINE);
		double cores = Runtime.getRuntime().availableProcessors();
		return line
			.append(String.format(Locale.ROOT, "the rest %.1f ms; the machine %.0f %% busy",
					(machine - processes) * 1000 / orders, machine / (run.toMillis() / 1000.0) / cores * 100))
			.toString();
	}

	/**
	 * The kitchen's {@code receivedAt} minus the order's {@code placedAt} of the tickets
	 * that match, once it has {@code expected} of them.
	 */
	private static double[] orderToTicket(Restaurant restaurant, Predicate<Ticket> ofTheRun, long expected) {
		List<Ticket> tickets = await("the kitchen to receive " + expected + " tickets").atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> restaurant.kitchen().tickets().stream().filter(ofTheRun).toList(),
					(received) -> received.size() >= expected);
		return tickets.stream()
			.mapToDouble((ticket) -> Duration.between(ticket.placedAt(), ticket.receivedAt()).toNanos() / 1e6)
			.sorted()
			.toArray();
	}

	/**
	 * One more run of orders, under Java Flight Recorder in every process; where each
	 * spent its CPU goes beside the table.
	 */
	private void profile(Restaurant restaurant) {
		FlightRecordings recordings = FlightRecordings.start(restaurant, Path.of("target", "bench", "jfr"), ORDERS_RUN);
		Wrk.Result orders = new Wrk(CONNECTIONS, ORDERS_RUN).orders(restaurant.gatewayUrl("/"),
				restaurant.waiter().staff().token(), "margherita", "profiled");
		this.figures.profile(String.format(Locale.ROOT,
				"Where the CPU went in a run of orders under Java Flight Recorder (%.0f orders/s while recorded),"
						+ " share of each process's samples:%n%s",
				orders.perSecond(), recordings.summary()));
	}

	/**
	 * The resident memory of every process of the restaurant, after its loaded minute.
	 */
	private void memory(Restaurant restaurant) {
		Map<String, Long> rss = restaurant.residentMegabytes();
		rss.forEach((name, megabytes) -> this.figures.add("RSS " + name + " after the load", "%d MB", megabytes,
				"<= 300 MB", ""));
	}

	private static String latencies(List<Wrk.Result> results) {
		return "%.1f / %.1f ms".formatted(median(results, Wrk.Result::p50Millis),
				median(results, Wrk.Result::p99Millis));
	}

	private static String p50p99(double[] sortedMillis) {
		return "%.0f / %.0f ms (%d tickets)".formatted(percentile(sortedMillis, 50), percentile(sortedMillis, 99),
				sortedMillis.length);
	}

	static double percentile(double[] sorted, double percent) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static double median(List<Wrk.Result> results, java.util.function.ToDoubleFunction<Wrk.Result> figure) {
		return median(results.stream().mapToDouble(figure).toArray());
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return percentile(sorted, 50);
	}

	/** The table: each figure beside its target and the figure before issue 14's work. */
	static final class Figures {

		private final List<String[]> rows = new ArrayList<>();

		private String profile = "";

		void profile(String profile) {
			this.profile = profile;
		}

		void add(String figure, String format, Object value, String target, String before) {
			Object[] values = (value instanceof Object[] many) ? many : new Object[] { value };
			this.rows.add(new String[] { figure, String.format(Locale.ROOT, format, values), target, before });
		}

		void print() throws IOException {
			StringBuilder table = new StringBuilder();
			table.append("| Figure | Measured | Target | Before |\n|---|---|---|---|\n");
			for (String[] row : this.rows) {
				table.append("| ").append(String.join(" | ", row)).append(" |\n");
			}
			String report = "Commit " + Machine.commit() + ", " + Machine.describe() + ", " + Instant.now() + "\n\n"
					+ table + "\n" + this.profile;
			System.out.printf("%n%s%n", report);
			Path file = Path.of("target", "bench", "figures-" + Instant.now().toString().replace(':', '-') + ".md");
			Files.createDirectories(file.getParent());
			Files.writeString(file, report);
			System.out.println("Written to " + file.toAbsolutePath());
		}

	}

	/** What the figures were measured on. */
	static final class Machine {

		static String commit() {
			return run("git", "rev-parse", "--short", "HEAD");
		}

		static String describe() {
			String cpu = run("sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").trim();
			return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
					+ run("sh", "-c", "free -g | awk '/Mem:/ {print $2}'").trim() + " GiB, Java "
					+ System.getProperty("java.version");
		}

		private static String run(String... command) {
			try {
				Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
				String out = new String(process.getInputStream().readAllBytes()).trim();
				process.waitFor(10, TimeUnit.SECONDS);
				return out;
			}
			catch (IOException ex) {
				return "unknown";
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return "unknown";
			}
		}

	}

}
