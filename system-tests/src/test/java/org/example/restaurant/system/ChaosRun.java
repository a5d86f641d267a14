package org.example.restaurant.system;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.core.ConditionTimeoutException;
import org.example.restaurant.system.FaultSchedule.Planned;
import org.example.restaurant.system.History.Fault;
import org.example.restaurant.system.HistoryChecker.Report;
import org.example.restaurant.system.Waiter.Line;

import static org.awaitility.Awaitility.await;

/**
 * A chaos run (issue 15, Jepsen's method): a restaurant of its own (free ports, its own
 * run folder, three kitchen replicas), clients placing, serving and paying orders at a
 * set rate ({@link ChaosClients}), the faults of a {@link FaultSchedule} injected one
 * after the other meanwhile and each healed, then the {@link HistoryChecker} over what
 * the clients were told and what the restaurant holds at the end. The report is printed
 * and written to {@code target/chaos/}. Where {@code redis-server} is installed, the
 * gateway's rate limiter counts in a Redis of the run's own ({@link PrivateRedis}), one
 * of the parts the faults may kill.
 * <p>
 * {@link ChaosIT} makes a short run in every build; {@code ./restaurant chaos} a long one
 * (the Maven profile {@code chaos}). The settings are system properties:
 * {@code chaos.orders}, {@code chaos.rate} (orders a second), {@code chaos.seed} (a
 * random one, printed, by default), {@code chaos.faults}, {@code chaos.pauses} (of the
 * faults), {@code chaos.partitions} (of the faults, network partitions of a kitchen
 * replica: as root, on H2; none by default), {@code chaos.clients},
 * {@code chaos.deadline-seconds} (how long a client keeps at one order),
 * {@code chaos.postgres} and {@code chaos.warm-up} (orders placed and cancelled before
 * the rush; none by default).
 */
final class ChaosRun {

	private static final int KITCHENS = 3;

	/**
	 * The most orders a second a run may ask for and count as a light load, at which no
	 * service may shed a call
	 * ({@link HistoryChecker#check(History, FinalState, boolean)}): an eighth of what the
	 * benchmark measured the order-service taking through the gateway on this machine
	 * (170 a second on PostgreSQL, 205 on H2; docs/performance.md). A faster run is a
	 * rush.
	 */
	static final double LIGHT_LOAD = 20;

	private final Settings settings;

	ChaosRun(Settings settings) {
		this.settings = settings;
	}

	/** Runs it on H2 or on PostgreSQL, as the settings say, and returns the report. */
	Report run() {
		if (!this.settings.postgres()) {
			Restaurant restaurant = new Restaurant(KITCHENS, "-chaos");
			if (this.settings.partitions() > 0) {
				// network partitions need each replica in a namespace of its own
				Partitions.require();
				restaurant.partitionable();
			}
			return run(restaurant);
		}
		if (this.settings.partitions() > 0) {
			throw new IllegalArgumentException("network partitions (chaos.partitions) run on H2 only");
		}
		try (PostgresDatabases databases = PostgresDatabases.create()) {
			String manager = "900";
			String pin = String.valueOf(100000 + new SecureRandom().nextInt(900000));
			// The services' own pools of 10: the tests' small ones (4) run dry at 100
			// orders a second, and a 503 from a part that is up is a violation here.
			Restaurant restaurant = databases.configure(new Restaurant(KITCHENS, "-chaos-postgres"), 10)
				.with("STAFF_FIRST_MANAGER_NUMBER", manager)
				.with("STAFF_FIRST_MANAGER_PIN", pin);
			// No demo staff on PostgreSQL: the first manager, who may do everything,
			// plays every part.
			Staff first = new Staff(restaurant, manager, pin);
			for (Staff.Role role : Staff.Role.values()) {
				restaurant.staffAs(role, first);
			}
			return run(restaurant);
		}
	}

	private Report run(Restaurant restaurant) {
		try (PrivateRedis redis = PrivateRedis.installed()
				? PrivateRedis.start(Path.of("target", "chaos", "redis-" + Instant.now().toEpochMilli() + ".log"))
				: null) {
			if (redis != null) {
				// the gateway's rate limiter counts in it, as with several gateways
				restaurant.with("GATEWAY_RATE_LIMIT_STORE", "redis")
					.with("SPRING_DATA_REDIS_PORT", String.valueOf(redis.port()));
			}
			return run(restaurant, redis);
		}
	}

	private Report run(Restaurant restaurant, PrivateRedis redis) {
		Duration lease = Duration.parse("PT" + restaurant.setting("KITCHEN_LEASE").toUpperCase(Locale.ROOT));
		FaultSchedule schedule = FaultSchedule.random(this.settings.seed(), this.settings.faults(),
				this.settings.pauses(), this.settings.partitions(),
				FaultSchedule.killable(!this.settings.postgres(), redis != null), KITCHENS, lease);
		System.out.println("Chaos run: " + this.settings
				+ ((redis != null) ? ", the rate limiter on Redis port " + redis.port()
						: ", no Redis (redis-server is not installed)")
				+ "\nFault schedule (seed " + schedule.seed() + "):");
		schedule.faults().forEach((fault) -> System.out.println("  " + fault));
		try (Restaurant open = restaurant.up()) {
			open(open, this.settings.warmUp());
			History history = new History(Instant.now());
			Faults faults = new Faults(open, redis, history);
			try (ChaosClients clients = new ChaosClients(open, history, this.settings.clients(),
					this.settings.deadline())) {
				clients.watchTheKitchen();
				clients.placeAtRate(this.settings.orders(), this.settings.rate());
				CompletableFuture<Void> injected = faults.inject(schedule);
				await("the fault schedule to be done").atMost(Duration.ofMinutes(10L + 2L * schedule.faults().size()))
					.pollInterval(Duration.ofSeconds(1))
					.until(injected::isDone);
				injected.join();
				clients.awaitEveryOrder(this.settings.placing().plus(this.settings.deadline()).plusMinutes(1));
			}
			finally {
				faults.close();
			}
			Report report = HistoryChecker.check(history, FinalState.read(open), this.settings.rush());
			print(report);
			return report;
		}
	}

	/**
	 * Opens the restaurant before its rush, as a restaurant opens before its first
	 * guests: {@code orders} orders placed, at tables of their own, and cancelled at
	 * once, ten at a time, outside the history (the checker looks only at the run's
	 * tables). Without it the rush meets processes that have just started, whose
	 * compilers, pools and caches are cold (the benchmark warms up for the same reason);
	 * a ticket a cook took before its cancellation came is cooked.
	 */
	private static void open(Restaurant restaurant, int orders) {
		if (orders == 0) {
			return;
		}
		Instant started = Instant.now();
		Waiter waiter = restaurant.waiter();
		AtomicInteger cancelled = new AtomicInteger();
		ExecutorService waiters = Executors.newFixedThreadPool(10);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < orders; i++) {
				String table = "W-" + i;
				done.add(waiters.submit(() -> {
					Restaurant.Response placed = waiter.tryPlace(table, Line.of("margherita", 1));
					if (placed.status() == 201
							&& waiter.tryCancel(placed.as(Waiter.Order.class).id()).status() == 200) {
						cancelled.incrementAndGet();
					}
				}));
			}
			for (Future<?> one : done) {
				one.get();
			}
		}
		catch (ExecutionException | InterruptedException ex) {
			throw new IllegalStateException("opening the restaurant failed", ex);
		}
		finally {
			waiters.shutdownNow();
		}
		System.out.printf(Locale.ROOT, "Opened: %d orders placed before the rush, %d of them cancelled, in %.1f s%n",
				orders, cancelled.get(), Duration.between(started, Instant.now()).toMillis() / 1000.0);
	}

	private void print(Report report) {
		String text = "Chaos run, " + this.settings + "\n" + report.text() + "Repeat the faults: "
				+ this.settings.command() + "\n";
		System.out.println("\n" + text);
		try {
			Path file = Path.of("target", "chaos", "report-" + Instant.now().toString().replace(':', '-') + ".txt");
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
			System.out.println("Written to " + file.toAbsolutePath());
		}
		catch (IOException ex) {
			System.err.println("Could not write the report: " + ex.getMessage());
		}
	}

	/**
	 * A run's settings: how many orders, how many a second, the seed of the faults, how
	 * many faults and pauses, how many client tablets, how long a client keeps at one
	 * order, whether on PostgreSQL, and how many orders open the restaurant before the
	 * rush.
	 */
	record Settings(int orders, double rate, long seed, int faults, int pauses, int partitions, int clients,
			Duration deadline, boolean postgres, int warmUp) {

		/** The system properties {@code chaos.*}, with these defaults. */
		static Settings fromSystemProperties(int orders, double rate, int faults, int pauses) {
			String seed = System.getProperty("chaos.seed", "");
			return new Settings(Integer.getInteger("chaos.orders", orders),
					Double.parseDouble(System.getProperty("chaos.rate", String.valueOf(rate))),
					seed.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(seed),
					Integer.getInteger("chaos.faults", faults), Integer.getInteger("chaos.pauses", pauses),
					Integer.getInteger("chaos.partitions", 0), Integer.getInteger("chaos.clients", 16),
					Duration.ofSeconds(Long.getLong("chaos.deadline-seconds", 240)),
					Boolean.parseBoolean(System.getProperty("chaos.postgres", "false")),
					Integer.getInteger("chaos.warm-up", 0));
		}

		/** The launcher's command for a run with these settings. */
		String command() {
			return String.format(Locale.ROOT,
					"./restaurant chaos --orders %d --rate %s --faults %d --pauses %d%s --seed %d%s --warm-up %d",
					this.orders, BigDecimal.valueOf(this.rate).stripTrailingZeros().toPlainString(), this.faults,
					this.pauses, (this.partitions > 0) ? " --partitions " + this.partitions : "", this.seed,
					this.postgres ? " --postgres" : "", this.warmUp);
		}

		/**
		 * Whether the rate is more than a light load ({@link #LIGHT_LOAD}), so that what
		 * a service sheds is counted, not a violation.
		 */
		boolean rush() {
			return this.rate > LIGHT_LOAD;
		}

		/** How long placing the orders takes at the rate. */
		Duration placing() {
			return Duration.ofMillis(Math.round(this.orders * 1000.0 / this.rate));
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"%d orders at %.2f/s, %d faults (%d pauses, %d partitions), seed %d, %d clients, deadline %d s, on %s, %d orders before the rush",
					this.orders, this.rate, this.faults, this.pauses, this.partitions, this.seed, this.clients,
					this.deadline.toSeconds(), this.postgres ? "PostgreSQL" : "H2", this.warmUp)
					+ (rush() ? " (a rush: more than " + Math.round(LIGHT_LOAD)
							+ "/s, so what is shed for want of time is counted, not a violation)" : "");
		}

	}

	/**
	 * Injects the faults of a schedule one after the other, each healed before the next:
	 * a killed part is started again ({@code ./restaurant up}, which waits until the
	 * gateway routes to it), a paused replica is sent {@code SIGCONT}, a killed Redis is
	 * started again on its port. Each fault is recorded in the history as it is healed.
	 * Before a killed part is started again its log is kept under another name, since the
	 * launcher starts it with a new one.
	 */
	static final class Faults implements AutoCloseable {

		private final Restaurant restaurant;

		private final PrivateRedis redis;

		private final History history;

		private final ScheduledExecutorService timer = Executors
			.newSingleThreadScheduledExecutor((task) -> new Thread(task, "chaos-faults"));

		private final List<Long> paused = new ArrayList<>();

		private int injected;

		Faults(Restaurant restaurant, PrivateRedis redis, History history) {
			this.restaurant = restaurant;
			this.redis = redis;
			this.history = history;
		}

		/** Starts the schedule; the future is done when its last fault is healed. */
		CompletableFuture<Void> inject(FaultSchedule schedule) {
			CompletableFuture<Void> done = new CompletableFuture<>();
			next(schedule.faults(), 0, done);
			return done;
		}

		private void next(List<Planned> faults, int index, CompletableFuture<Void> done) {
			if (index == faults.size()) {
				done.complete(null);
				return;
			}
			Planned fault = faults.get(index);
			this.timer.schedule(() -> {
				try {
					Instant at = Instant.now();
					Injected injected = injectOne(fault);
					System.out.println("Fault " + (index + 1) + ": " + fault.kind() + " " + injected.target());
					this.timer.schedule(() -> {
						try {
							injected.heal().run();
							this.history.record(new Fault(fault.kind(), injected.target(), at, Instant.now()));
							next(faults, index + 1, done);
						}
						catch (RuntimeException ex) {
							this.history.record(new Fault(fault.kind(), injected.target(), at, null));
							done.completeExceptionally(ex);
						}
					}, fault.held().toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (RuntimeException ex) {
					done.completeExceptionally(ex);
				}
			}, fault.after().toMillis(), TimeUnit.MILLISECONDS);
		}

		/**
		 * Does the fault, and returns on which part and what heals it. A pause is meant
		 * for a replica with a ticket in its pans, so that its lease passes while it
		 * holds one: the replica that started a ticket last, if any cooks now, else the
		 * one the schedule names.
		 */
		private Injected injectOne(Planned fault) {
			int number = ++this.injected;
			if (fault.kind().equals(Fault.PAUSE)) {
				String replica = cookingNow().orElse(fault.target());
				long pid = this.restaurant.pids().get(replica);
				signal("STOP", pid);
				synchronized (this.paused) {
					this.paused.add(pid);
				}
				return new Injected(replica, () -> resume(pid));
			}
			if (fault.kind().equals(Fault.CUT_FROM_DATABASE) || fault.kind().equals(Fault.CUT_FROM_REGISTRY)) {
				// from the database: the replica cooking now, so that it loses a lease
				String replica = fault.kind().equals(Fault.CUT_FROM_DATABASE) ? cookingNow().orElse(fault.target())
						: fault.target();
				this.restaurant.cutOff(replica, fault.kind().equals(Fault.CUT_FROM_DATABASE) ? "database" : "registry");
				return new Injected(replica, () -> this.restaurant.heal(replica));
			}
			if (fault.target().equals(FaultSchedule.REDIS)) {
				this.redis.kill();
				return new Injected(fault.target(), this.redis::start);
			}
			this.restaurant.kill(fault.target());
			return new Injected(fault.target(), () -> {
				keepLog(fault.target(), number);
				this.restaurant.restartWhatIsDown();
			});
		}

		/** The replica that started a ticket last, waiting a few seconds for one. */
		private Optional<String> cookingNow() {
			try {
				return Optional.of(await("a kitchen replica with a ticket in its pans").atMost(Duration.ofSeconds(10))
					.pollInterval(Duration.ofMillis(200))
					.ignoreExceptions()
					.until(() -> this.restaurant.kitchen().busiestReplica(), Objects::nonNull));
			}
			catch (ConditionTimeoutException ex) {
				// nothing cooks now: the schedule's replica, then
				return Optional.empty();
			}
		}

		private void resume(long pid) {
			signal("CONT", pid);
			synchronized (this.paused) {
				this.paused.remove(pid);
			}
		}

		private void keepLog(String part, int fault) {
			Path logs = this.restaurant.runDir().resolve("logs");
			try {
				Files.move(logs.resolve(part + ".log"), logs.resolve(part + ".before-fault-" + fault + ".log"));
			}
			catch (IOException ex) {
				throw new IllegalStateException("could not keep the log of " + part, ex);
			}
		}

		/** A fault done: on which part, and what heals it. */
		private record Injected(String target, Runnable heal) {
		}

		/** {@code kill -SIGNAL pid}: Java sends no SIGSTOP or SIGCONT of its own. */
		private static void signal(String signal, long pid) {
			try {
				Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
				if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
					throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * Stops injecting, and lets every paused replica go on, so that the restaurant
		 * can be read and stopped.
		 */
		@Override
		public void close() {
			this.timer.shutdownNow();
			try {
				this.timer.awaitTermination(Restaurant.LAUNCHER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			synchronized (this.paused) {
				List.copyOf(this.paused).forEach(this::resume);
			}
		}

	}

}
