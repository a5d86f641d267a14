package org.example.restaurant.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.opentest4j.TestAbortedException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole restaurant, started with the project's own launcher ({@code ./restaurant up})
 * on free ports and a private run folder, and an HTTP client for its gateway.
 * <p>
 * A scenario speaks to it as the staff do, each signed in as a person of the right role
 * (the demo staff of docs/api.md unless a scenario says otherwise, {@link #staffAs}):
 * {@link #waiter()} (101) places, serves and cancels orders, {@link #kitchen()} (the
 * cook, 201) shows the tickets, {@link #till()} (the cashier, 301) shows the bills and
 * takes payments, {@link #manager()} (901) adds staff; each answer read into a small
 * record of the fields the scenarios use (a tolerant reader). {@link #get}, {@link #post}
 * and {@link #send} stay for what a scenario checks raw: status codes, headers and
 * problem bodies, as a person ({@link #as}, {@link #signIn}) or, without a {@link Staff},
 * as anyone (the public calls, and the 401 of a call without a token).
 */
final class Restaurant implements AutoCloseable {

	/** How long a launcher command may take before it is killed and fails. */
	static final Duration LAUNCHER_TIMEOUT = Duration.ofMinutes(10);

	static final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	private final Path home;

	private final Duration launcherTimeout;

	private final Path runDir;

	private final Map<String, String> env = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** Who plays each role: the demo staff, unless a scenario says otherwise. */
	private final Map<Staff.Role, Staff> staff = new EnumMap<>(Staff.Role.class);

	final int gatewayPort = freePort();

	final int registryPort = freePort();

	/**
	 * The gateway's actuator (its own management port, docs/observability.md): free, so
	 * that a test never meets a demo running on the default 9080.
	 */
	final int gatewayManagementPort = freePort();

	/** Zipkin's and Prometheus' ports, used once {@link #observed()}. */
	final int zipkinPort = freePort();

	final int prometheusPort = freePort();

	/** The options of {@code ./restaurant up} (such as {@code --observe}). */
	private final List<String> upOptions = new ArrayList<>();

	Restaurant(int kitchens) {
		this(kitchens, "");
	}

	/**
	 * A restaurant of its own, in a run folder named after the shared one with
	 * {@code suffix} appended (e.g. {@code target/run-postgres}), so that it never meets
	 * the shared one's files.
	 */
	Restaurant(int kitchens, String suffix) {
		this(kitchens, suffix, Path.of(System.getProperty("restaurant.home", "..")), LAUNCHER_TIMEOUT);
	}

	/**
	 * A restaurant whose launcher is the {@code restaurant} script in {@code home}, each
	 * of whose commands is killed after {@code launcherTimeout}.
	 */
	Restaurant(int kitchens, String suffix, Path home, Duration launcherTimeout) {
		this.home = home.toAbsolutePath().normalize();
		this.launcherTimeout = launcherTimeout;
		this.runDir = Path.of(System.getProperty("restaurant.run-dir", "target/run") + suffix).toAbsolutePath();
		this.env.put("RESTAURANT_RUN_DIR", this.runDir.toString());
		this.env.put("GATEWAY_PORT", String.valueOf(this.gatewayPort));
		this.env.put("REGISTRY_PORT", String.valueOf(this.registryPort));
		this.env.put("GATEWAY_MANAGEMENT_PORT", String.valueOf(this.gatewayManagementPort));
		this.env.put("ZIPKIN_PORT", String.valueOf(this.zipkinPort));
		this.env.put("PROMETHEUS_PORT", String.valueOf(this.prometheusPort));
		this.env.put("ORDER_PORT", String.valueOf(freePort()));
		this.env.put("CASHIER_PORT", String.valueOf(freePort()));
		this.env.put("STAFF_PORT", String.valueOf(freePort()));
		this.env.put("KITCHEN_DB_PORT", String.valueOf(freePort()));
		this.env.put("KITCHENS", String.valueOf(kitchens));
		this.env.put("RESTAURANT_TIMEOUT", "300");
		// A pizza is cooked in 3 s, and a dead replica's tickets are taken over 3 s after
		// its last lease renewal.
		this.env.put("KITCHEN_TIME_SCALE", "0.005");
		this.env.put("KITCHEN_LEASE", "3s");
		// Undelivered outbox messages are re-sent with a back-off that grows per message;
		// capped at 4 s, a message reaches a service at most a few seconds after the
		// service is back, so the outage scenarios wait seconds, not half a minute.
		this.env.put("RESTAURANT_OUTBOX_MAXBACKOFF", "4s");
		// The scenarios are a load test of sorts (a stream of orders as fast as the
		// gateway takes them, one waiter on every thread): limits a busy shift never
		// meets would stop them. A scenario of the limits sets its own.
		this.env.put("GATEWAY_RATE_LIMIT_PER_PERSON", "1000000");
		this.env.put("GATEWAY_RATE_LIMIT_PER_ADDRESS", "1000000");
		// The demo staff (docs/api.md), on H2 only.
		staffAs(Staff.Role.WAITER, new Staff(this, "101", "1111"));
		staffAs(Staff.Role.COOK, new Staff(this, "201", "2222"));
		staffAs(Staff.Role.CASHIER, new Staff(this, "301", "3333"));
		staffAs(Staff.Role.MANAGER, new Staff(this, "901", "9999"));
	}

	/** Overrides a setting of the launcher or the services (an environment variable). */
	Restaurant with(String name, String value) {
		this.env.put(name, value);
		return this;
	}

	/**
	 * Started with {@code ./restaurant up --observe}: Zipkin ({@link #zipkinUrl()}) and,
	 * where it is installed, Prometheus ({@link #prometheusUrl()}), on free ports; the
	 * services and the gateway send their spans to Zipkin.
	 */
	Restaurant observed() {
		if (!this.upOptions.contains("--observe")) {
			this.upOptions.add("--observe");
		}
		return this;
	}

	/**
	 * Started with {@code ./restaurant up --netns}: each kitchen replica in a network
	 * namespace of its own, behind a bridge of this restaurant's own, so that it can be
	 * cut off ({@link #cutOff}) and healed ({@link #heal}). As root, with {@code ip} and
	 * {@code iptables}, on H2 ({@link Partitions}).
	 */
	Restaurant partitionable() {
		if (!this.upOptions.contains("--netns")) {
			this.upOptions.add("--netns");
		}
		return this;
	}

	/**
	 * Cuts a kitchen replica off ({@code ./restaurant partition NAME WHAT}): from its
	 * {@code database} or from the {@code registry}. Its packets to and from that port
	 * are dropped both ways, so that its open connections hang as in a real partition.
	 */
	void cutOff(String replica, String from) {
		this.launcher("partition", replica, from);
	}

	/** Ends every partition of a kitchen replica ({@code ./restaurant heal NAME}). */
	void heal(String replica) {
		this.launcher("heal", replica);
	}

	boolean isObserved() {
		return this.upOptions.contains("--observe");
	}

	/**
	 * This restaurant, for a test that watches it with Zipkin and Prometheus: the test is
	 * skipped when it was started without {@code --observe}
	 * ({@code -Drestaurant.observe=false}).
	 */
	Restaurant requireObserved() {
		if (!isObserved()) {
			throw new TestAbortedException("the shared restaurant runs without --observe (-Drestaurant.observe)");
		}
		return this;
	}

	/** Zipkin's address (its UI at {@code /zipkin/}, its API at {@code /api/v2/...}). */
	URI zipkinUrl() {
		return URI.create("http://localhost:" + this.zipkinPort);
	}

	/**
	 * Prometheus' address (its API at {@code /api/v1/...}); it answers only where
	 * Prometheus is installed.
	 */
	URI prometheusUrl() {
		return URI.create("http://localhost:" + this.prometheusPort);
	}

	/**
	 * The gateway's actuator, on its management port (e.g. {@code /actuator/health},
	 * {@code /actuator/prometheus}); never reachable through the gateway's own port.
	 */
	URI gatewayManagementUrl() {
		return URI.create("http://localhost:" + this.gatewayManagementPort);
	}

	/** A setting given to the launcher ({@link #with}), or {@code null}. */
	String setting(String name) {
		return this.env.get(name);
	}

	Restaurant up() {
		if (Files.exists(this.runDir.resolve("pids"))) {
			// Whatever an aborted earlier run left behind.
			launcher("down");
		}
		deleteRunDir();
		try {
			System.out.println(launcher(upCommand()));
		}
		catch (RuntimeException ex) {
			launcher("down");
			throw ex;
		}
		return this;
	}

	@Override
	public void close() {
		System.out.println(launcher("down"));
	}

	Path runDir() {
		return this.runDir;
	}

	/** The last lines of every log in the run folder, to explain a failure. */
	String logTails() {
		StringBuilder tails = new StringBuilder();
		try (Stream<Path> logs = Files.list(this.runDir.resolve("logs"))) {
			for (Path log : logs.sorted().toList()) {
				List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
				tails.append("==== ").append(log.getFileName()).append('\n');
				lines.subList(Math.max(0, lines.size() - 40), lines.size())
					.forEach((line) -> tails.append(line).append('\n'));
			}
		}
		catch (IOException ex) {
			tails.append("(no logs: ").append(ex.getMessage()).append(")");
		}
		return tails.toString();
	}

	/**
	 * Runs {@code ./restaurant ARGS...} and returns what it printed. Its output goes to a
	 * file while it runs, so that the time limit holds even when the launcher (or a part
	 * it started) keeps the output open: a launcher still running after
	 * {@link #LAUNCHER_TIMEOUT} is killed, with whatever it started under it, and fails
	 * with what it printed so far.
	 */
	String launcher(String... args) {
		List<String> command = new ArrayList<>();
		command.add(this.home.resolve("restaurant").toString());
		command.addAll(List.of(args));
		String name = "./restaurant " + String.join(" ", args);
		Path output = null;
		try {
			output = Files.createTempFile("restaurant-launcher-", ".out");
			ProcessBuilder builder = new ProcessBuilder(command).directory(this.home.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().putAll(this.env);
			Process process = builder.start();
			if (!process.waitFor(this.launcherTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				killWithWhatItStarted(process);
				throw new IllegalStateException(name + " did not finish in " + this.launcherTimeout
						+ " and was killed; it printed:\n" + Files.readString(output) + "\n" + logTails());
			}
			String printed = Files.readString(output);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						name + " failed (exit code " + process.exitValue() + "):\n" + printed + "\n" + logTails());
			}
			return printed;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			if (output != null) {
				try {
					Files.deleteIfExists(output);
				}
				catch (IOException ex) {
					// a temporary file: nothing to do
				}
			}
		}
	}

	/**
	 * Kills a launcher and every process under it: those it started are known before it
	 * dies, since once it is gone they are no longer its descendants.
	 */
	private static void killWithWhatItStarted(Process launcher) {
		List<ProcessHandle> under = launcher.descendants().toList();
		launcher.destroyForcibly();
		under.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle process : Stream.concat(Stream.of(launcher.toHandle()), under.stream()).toList()) {
			try {
				process.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (ExecutionException | TimeoutException ex) {
				// reported with the failure that follows
			}
		}
	}

	/**
	 * {@code kill -9} of one part, e.g. {@code kitchen-2}, and waits until its process is
	 * gone: the launcher only sends the signal, and an {@code up} started while the
	 * process is still dying finds its port taken and gives up.
	 */
	void kill(String name) {
		long pid = pidOf(name);
		launcher("kill", name);
		ProcessHandle.of(pid).ifPresent((process) -> {
			try {
				process.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException(name + " (pid " + pid + ") outlived kill -9", ex);
			}
		});
	}

	private long pidOf(String name) {
		Long pid = pids().get(name);
		if (pid == null) {
			throw new IllegalStateException(name + " has no pid file; is it running?");
		}
		return pid;
	}

	/** Stops one part gracefully (SIGTERM) and waits until its process has ended. */
	void stop(String name) {
		launcher("stop", name);
	}

	/** Starts whatever is not running (again), and waits until it answers. */
	void restartWhatIsDown() {
		launcher(upCommand());
	}

	private String[] upCommand() {
		List<String> command = new ArrayList<>(List.of("up"));
		command.addAll(this.upOptions);
		return command.toArray(String[]::new);
	}

	/**
	 * A member of staff, signed in now ({@code POST /api/staff/login} must answer 200),
	 * who signs in again whenever the gateway answers a call of theirs with 401.
	 */
	Staff signIn(String staffNumber, String pin) {
		Staff person = new Staff(this, staffNumber, pin);
		person.token();
		return person;
	}

	/**
	 * Who plays a role from now on (the demo staff by default): a restaurant without them
	 * (PostgreSQL) names the people its manager added.
	 */
	Restaurant staffAs(Staff.Role role, Staff person) {
		this.staff.put(role, person);
		return this;
	}

	/** The person who plays a role, for a raw call; signs in at the first call. */
	Staff as(Staff.Role role) {
		return this.staff.get(role);
	}

	/**
	 * The person who would make this call (docs/api.md, the "who" column), or
	 * {@code null} for a call anyone may make: see {@link Staff.Role#forCall}.
	 */
	Staff whoCalls(String method, String path) {
		Staff.Role role = Staff.Role.forCall(method, path);
		return (role != null) ? as(role) : null;
	}

	/** The waiter (101): the menu, and placing, serving and cancelling orders. */
	Waiter waiter() {
		return new Waiter(this, as(Staff.Role.WAITER));
	}

	/**
	 * The kitchen, as the cook (201) sees it: its tickets, and which replica holds which.
	 */
	Kitchen kitchen() {
		return new Kitchen(this, as(Staff.Role.COOK));
	}

	/**
	 * The till, as the cashier (301) works it: bills, payments, receipts, the day's
	 * report.
	 */
	Till till() {
		return new Till(this, as(Staff.Role.CASHIER));
	}

	/** The manager (901): the staff. */
	Manager manager() {
		return new Manager(this, as(Staff.Role.MANAGER));
	}

	/** A GET through the gateway as anyone: no token. */
	Response get(String path) {
		return get(path, null);
	}

	/** A GET through the gateway as a member of staff (anyone when {@code null}). */
	Response get(String path, Staff as) {
		return send(HttpRequest.newBuilder(gatewayUrl(path)).GET(), as);
	}

	/** A JSON POST through the gateway as anyone: no token. */
	Response post(String path, String body) {
		return post(path, body, (Staff) null);
	}

	/**
	 * A JSON POST through the gateway as a member of staff (anyone when {@code null}).
	 */
	Response post(String path, String body, Staff as) {
		return send(HttpRequest.newBuilder(gatewayUrl(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)), as);
	}

	/** A POST through the gateway with an {@code Idempotency-Key}, as anyone. */
	Response post(String path, String body, String idempotencyKey) {
		return post(path, body, idempotencyKey, null);
	}

	/**
	 * A POST through the gateway with an {@code Idempotency-Key}, as a member of staff
	 * (anyone when {@code null}).
	 */
	Response post(String path, String body, String idempotencyKey, Staff as) {
		return send(HttpRequest.newBuilder(gatewayUrl(path))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofString(body)), as);
	}

	/**
	 * Any request through the gateway as anyone (no token): a method, a
	 * {@code Content-Type} (none when {@code null}) and a raw body (none when
	 * {@code null}), sent as it is.
	 */
	Response send(String method, String path, String contentType, String body) {
		return send(method, path, contentType, body, null);
	}

	/**
	 * Any request through the gateway as a member of staff (anyone when {@code null}): a
	 * method, a {@code Content-Type} (none when {@code null}) and a raw body (none when
	 * {@code null}), sent as it is.
	 */
	Response send(String method, String path, String contentType, String body, Staff as) {
		HttpRequest.Builder request = HttpRequest.newBuilder(gatewayUrl(path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request, as);
	}

	/** What the registry lists for one application, as JSON. */
	JsonNode registryApp(String name) {
		Response response = send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.registryPort + "/eureka/apps/" + name.toUpperCase()))
			.header("Accept", "application/json")
			.GET());
		return response.json().path("application");
	}

	/**
	 * Whether the registry offers an instance of an application to clients (lists it as
	 * {@code UP}).
	 */
	boolean listsUp(String app, String instanceId) {
		for (JsonNode instance : registryApp(app).path("instance")) {
			if (instance.path("instanceId").asString().equals(instanceId)
					&& instance.path("status").asString().equals("UP")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The port of a part the launcher was told ({@code ORDER_PORT}, {@code CASHIER_PORT},
	 * {@code STAFF_PORT}, ...): a service's own door, without the gateway.
	 */
	int port(String setting) {
		return Integer.parseInt(this.env.get(setting));
	}

	/**
	 * The client secret the launcher made for a service
	 * ({@code <runDir>/secrets/<name>}).
	 */
	String clientSecret(String client) {
		try {
			return Files.readString(this.runDir.resolve("secrets").resolve(client)).trim();
		}
		catch (IOException ex) {
			throw new IllegalStateException("no client secret for " + client + " in " + this.runDir, ex);
		}
	}

	/**
	 * Any request, to any address, sent exactly as built: no token added, no sign-in
	 * again on a 401 (what a scenario of refused tokens needs).
	 */
	Response exchange(HttpRequest.Builder request) {
		return send(request);
	}

	/** An address at the gateway. */
	URI gatewayUrl(String path) {
		return URI.create("http://localhost:" + this.gatewayPort + path);
	}

	/** An address at a service's own door ({@link #port}), without the gateway. */
	URI serviceUrl(String portSetting, String path) {
		return URI.create("http://localhost:" + port(portSetting) + path);
	}

	/**
	 * The process id of every process the launcher started, by the name it gave it
	 * ({@code gateway}, {@code kitchen-1}, ...).
	 */
	Map<String, Long> pids() {
		Map<String, Long> pids = new java.util.TreeMap<>();
		try (Stream<Path> files = Files.list(this.runDir.resolve("pids"))) {
			for (Path pidFile : files.filter((file) -> file.toString().endsWith(".pid")).toList()) {
				pids.put(pidFile.getFileName().toString().replace(".pid", ""),
						Long.parseLong(Files.readString(pidFile).trim()));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return pids;
	}

	/** The resident memory (RSS) of every process the launcher started, in MB. */
	Map<String, Long> residentMegabytes() {
		Map<String, Long> megabytes = new java.util.TreeMap<>();
		pids().forEach((name, pid) -> {
			try {
				Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))
					.stream()
					.filter((line) -> line.startsWith("VmRSS:"))
					.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
					.findFirst()
					.ifPresent((rss) -> megabytes.put(name, rss));
			}
			catch (IOException ex) {
				// the process has ended
			}
		});
		return megabytes;
	}

	/**
	 * The CPU time (user and system, seconds) every process of the restaurant has used
	 * since it started, by name, and under {@link #MACHINE} the whole machine's busy
	 * time, from {@code /proc} (clock ticks of 1/100 s).
	 */
	Map<String, Double> cpuSeconds() {
		Map<String, Double> seconds = new java.util.TreeMap<>();
		pids().forEach((name, pid) -> {
			try {
				String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
				// after the command's name in parentheses: state (field 3), ..., utime
				// (14),
				// stime (15)
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				seconds.put(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0);
			}
			catch (IOException ex) {
				// the process has ended
			}
		});
		try {
			// cpu user nice system idle iowait irq softirq steal: busy is all but idle
			// and
			// iowait
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long busy = 0;
			for (int field = 1; field <= 8 && field < cpu.length; field++) {
				busy += (field == 4 || field == 5) ? 0 : Long.parseLong(cpu[field]);
			}
			seconds.put(MACHINE, busy / 100.0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return seconds;
	}

	/** The whole machine's entry in {@link #cpuSeconds()}. */
	static final String MACHINE = "(machine)";

	/**
	 * What each process's JIT compilers have done since it started: methods compiled and
	 * the compiler threads' time, from the JVM's performance counters
	 * ({@code jcmd PID PerfCounter.print}). A process whose counters cannot be read (it
	 * ended, or is not a JVM) is left out. Each call starts one {@code jcmd} per process:
	 * read it outside a run whose CPU is measured.
	 */
	Map<String, Jit> jit() {
		Map<String, Jit> jit = new java.util.TreeMap<>();
		pids().forEach((name, pid) -> {
			try {
				Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid), "PerfCounter.print")
					.redirectErrorStream(true)
					.start();
				Map<String, String> counters = new java.util.HashMap<>();
				for (String line : new String(jcmd.getInputStream().readAllBytes()).split("\n")) {
					int equals = line.indexOf('=');
					if (equals > 0) {
						counters.put(line.substring(0, equals), line.substring(equals + 1).trim());
					}
				}
				jcmd.waitFor(30, TimeUnit.SECONDS);
				String compiles = counters.get("sun.ci.totalCompiles");
				String ticks = counters.get("java.ci.totalTime");
				String frequency = counters.get("sun.os.hrt.frequency");
				if (compiles != null && ticks != null && frequency != null) {
					jit.put(name, new Jit(Long.parseLong(compiles),
							Long.parseLong(ticks) / (double) Long.parseLong(frequency)));
				}
			}
			catch (IOException | NumberFormatException ex) {
				// not readable: left out
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		});
		return jit;
	}

	/**
	 * A process's JIT compilers so far.
	 *
	 * @param compiles the methods compiled
	 * @param seconds the time the compiler threads spent compiling them (wall time, so on
	 * a busy machine it includes waiting for a core)
	 */
	record Jit(long compiles, double seconds) {
	}

	/**
	 * Sends a request with the person's token; a 401 (the token expired) signs them in
	 * again and sends it once more.
	 */
	private Response send(HttpRequest.Builder request, Staff as) {
		if (as == null) {
			return send(request);
		}
		String token = as.token();
		Response response = send(request.setHeader("Authorization", "Bearer " + token));
		if (response.status() != 401) {
			return response;
		}
		return send(request.setHeader("Authorization", "Bearer " + as.renew(token)));
	}

	private Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void deleteRunDir() {
		if (!Files.exists(this.runDir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(this.runDir)) {
			for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A port no program listens on now. */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, Map<String, List<String>> headers, String body) {

		JsonNode json() {
			return Restaurant.json.readTree(this.body);
		}

		/** The body read into a record of the fields it names. */
		<T> T as(Class<T> type) {
			return Restaurant.json.readValue(this.body, type);
		}

		/** The body, a JSON array, read into a list of records. */
		<T> List<T> asListOf(Class<T> type) {
			return Restaurant.json.readValue(this.body,
					Restaurant.json.getTypeFactory().constructCollectionType(List.class, type));
		}

		/** The body read as a problem ({@code application/problem+json}). */
		Problem problem() {
			return as(Problem.class);
		}

		/** What was asked and what came back, to explain a failed assertion. */
		String describe() {
			return this.status + " " + header("Content-Type") + " " + this.body;
		}

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((e) -> e.getKey().equalsIgnoreCase(name))
				.map((e) -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	/** An error as every part of the restaurant answers it (RFC 9457). */
	record Problem(int status, String title, String detail, String instance, List<FieldError> errors) {

		/** One field at fault, and what is wrong with it. */
		record FieldError(String field, String message) {
		}

	}

}
