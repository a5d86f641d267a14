package org.example.restaurant.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The launcher's own faults, without starting the restaurant: how {@code ./restaurant}
 * tells its parts from other programs, and how {@link Restaurant} copes with a launcher
 * that hangs.
 */
class LauncherTests {

	static final Path HOME = Path.of(System.getProperty("restaurant.home", "..")).toAbsolutePath().normalize();

	/**
	 * A part is recorded the moment it is forked, before it has become java: then it is
	 * still a copy of the launcher (its command line {@code bash ./restaurant up}, or
	 * {@code nohup ...}), and it is ours all the same. A part whose command line never
	 * names the restaurant ({@code sleep}) stands for it here: a start-up wait that took
	 * it for someone else's said "stopped while starting".
	 */
	@Test
	void aPartIsOursFromTheMomentItIsStartedWhateverItsCommandLine(@TempDir Path runDir) throws Exception {
		long pid = startProbe(runDir);
		try {
			assertThat(launcher(runDir, "status")).containsPattern("probe +running +pid " + pid);
			launcher(runDir, "stop", "probe");
			assertThat(ProcessHandle.of(pid)).isEmpty();
			assertThat(launcher(runDir, "status")).doesNotContain("probe");
		}
		finally {
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	/**
	 * A pid file left from before a reboot, that now names someone else's program, is no
	 * part of ours: it shows as stopped, and {@code down} leaves that program alone.
	 */
	@Test
	void aRecordedPidThatAnotherProgramGotSinceIsNotOurs(@TempDir Path runDir) throws Exception {
		assumeThat(Path.of("/proc/self/stat")).as("the process table in /proc (Linux)").isReadable();
		long pid = startProbe(runDir);
		ProcessHandle.of(pid).ifPresent((probe) -> {
			probe.destroyForcibly();
			probe.onExit().join();
		});
		Process stranger = new ProcessBuilder("sleep", "300").start();
		try {
			// the pid the probe had, now another program's
			Files.writeString(runDir.resolve("pids/probe.pid"), stranger.pid() + "\n");

			assertThat(launcher(runDir, "status")).containsPattern("probe +stopped");
			launcher(runDir, "down");
			assertThat(stranger.isAlive()).as("someone else's program, after ./restaurant down").isTrue();
		}
		finally {
			stranger.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	/**
	 * A launcher that hangs (here: it keeps its output open and never ends) fails the
	 * build once its time is up, instead of hanging it: it is killed with what it
	 * started, and the failure shows what it printed.
	 */
	@Test
	void aLauncherThatHangsIsKilledWhenItsTimeIsUpAndFailsWithItsOutput(@TempDir Path home) throws Exception {
		Path script = home.resolve("restaurant");
		Files.writeString(script, """
				#!/usr/bin/env bash
				echo "waiting for the registry on port 8761 ..."
				sleep 300 &
				echo $! >"$0.child"
				wait
				""");
		assertThat(script.toFile().setExecutable(true)).isTrue();
		Restaurant restaurant = new Restaurant(1, "-hung", home, Duration.ofSeconds(2));

		assertTimeoutPreemptively(Duration.ofSeconds(60),
				() -> assertThatIllegalStateException().isThrownBy(() -> restaurant.launcher("up"))
					.withMessageContaining("./restaurant up did not finish in PT2S and was killed")
					.withMessageContaining("waiting for the registry on port 8761 ..."));
		long child = Long.parseLong(Files.readString(home.resolve("restaurant.child")).trim());
		await("what the hung launcher started to be killed with it").atMost(Duration.ofSeconds(10))
			.until(() -> ProcessHandle.of(child).map((process) -> !process.isAlive()).orElse(true));
	}

	/**
	 * The services' client secrets are made once per run folder, random, readable by the
	 * user alone, and kept: a second {@code up} gives the services the same ones.
	 */
	@Test
	void makesTheClientSecretsOncePerRunFolderReadableByTheUserAlone(@TempDir Path runDir) throws Exception {
		run(runDir, List.of("bash", "-c", "source ./restaurant && make_client_secrets"));
		Path secrets = runDir.resolve("secrets");
		Map<String, String> first = new java.util.TreeMap<>();
		for (String client : List.of("order-service", "kitchen-service", "cashier-service")) {
			Path file = secrets.resolve(client);
			first.put(client, Files.readString(file));
			assertThat(first.get(client)).as(client).matches("[A-Za-z0-9_-]{43}");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(client)
				.isEqualTo("rw-------");
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rwx------");
		assertThat(new java.util.HashSet<>(first.values())).as("a secret per client").hasSize(3);

		run(runDir, List.of("bash", "-c", "source ./restaurant && make_client_secrets"));
		for (String client : first.keySet()) {
			assertThat(Files.readString(secrets.resolve(client))).as(client).isEqualTo(first.get(client));
		}
	}

	/**
	 * On PostgreSQL there are no demo staff: without the first manager's PIN the launcher
	 * refuses at once, saying what to set, and starts nothing.
	 */
	@Test
	void refusesPostgresWithoutTheFirstManagersPin(@TempDir Path runDir) throws Exception {
		Result result = execute(runDir, List.of(HOME.resolve("restaurant").toString(), "up", "--postgres"),
				Map.of("STAFF_FIRST_MANAGER_PIN", ""));
		assertThat(result.exitCode()).as(result.output()).isNotZero();
		assertThat(result.output()).contains("STAFF_FIRST_MANAGER_PIN").contains("no demo staff");
		assertThat(runDir.resolve("pids")).doesNotExist();
	}

	/** {@code up} ends with how to sign in: on H2 the demo staff and a line to paste. */
	@Test
	void tellsHowToSignInWithTheDemoStaff(@TempDir Path runDir) throws Exception {
		String help = run(runDir, List.of("bash", "-c", "source ./restaurant && how_to_sign_in"));
		assertThat(help).containsPattern("101 +Wendy +WAITER +1111")
			.containsPattern("201 +Carlos +COOK +2222")
			.containsPattern("301 +Cassie +CASHIER +3333")
			.containsPattern("901 +Maria +MANAGER +9999")
			.contains("TOKEN=$(curl -s -X POST localhost:2/api/staff/login")
			.contains("Authorization: Bearer $TOKEN");
		String onPostgres = run(runDir,
				List.of("bash", "-c", "source ./restaurant && DATABASE=postgres && how_to_sign_in"));
		assertThat(onPostgres).doesNotContain("Wendy")
			.contains("staff number 900")
			.contains("$STAFF_FIRST_MANAGER_PIN");
	}

	/**
	 * The readiness check, against a stand-in for the gateway that checks tokens: once
	 * the check's manager has signed in, the kitchen's and the cashier's routes must
	 * answer 200 to its token (which proves they are routed); while they answer 401 even
	 * to it, the restaurant is not ready.
	 */
	@Test
	void theGatewayIsReadyWhenASignedInManagerReachesEveryService(@TempDir Path runDir) throws Exception {
		FakeGateway gateway = FakeGateway.start("9999");
		try {
			assertThat(check(runDir, gateway, "")).isZero();
			assertThat(gateway.signIns).containsExactly("901/9999");
			assertThat(gateway.guarded).allMatch((call) -> call.endsWith("with a token"));
			gateway.acceptTokens = false;
			assertThat(check(runDir, gateway, "")).as("the services do not take the token yet").isNotZero();
		}
		finally {
			gateway.stop();
		}
	}

	/**
	 * A refused sign-in (a PIN changed since, or no such manager) is not tried again,
	 * since five wrong PINs lock the number: the check then settles for the public routes
	 * and the gateway's own 401 on the others. On PostgreSQL it signs in as the first
	 * manager.
	 */
	@Test
	void aRefusedSignInIsNotTriedAgainAndThePublicRoutesAreChecked(@TempDir Path runDir) throws Exception {
		FakeGateway gateway = FakeGateway.start("4321");
		try {
			String twice = "gateway_routes_everything; gateway_routes_everything";
			assertThat(check(runDir, gateway, twice)).isZero();
			assertThat(gateway.signIns).containsExactly("901/9999");
			assertThat(gateway.guarded).allMatch((call) -> call.endsWith("without a token"));

			gateway.signIns.clear();
			Result onPostgres = execute(runDir,
					List.of("bash", "-c", "source ./restaurant && DATABASE=postgres && gateway_routes_everything"),
					Map.of("GATEWAY_PORT", String.valueOf(gateway.port()), "STAFF_FIRST_MANAGER_PIN", "4321",
							"STAFF_FIRST_MANAGER_NUMBER", "950"));
			assertThat(onPostgres.exitCode()).as(onPostgres.output()).isZero();
			assertThat(gateway.signIns).containsExactly("950/4321");
		}
		finally {
			gateway.stop();
		}
	}

	private static int check(Path runDir, FakeGateway gateway, String script) throws IOException {
		String commands = script.isEmpty() ? "gateway_routes_everything" : script;
		return execute(runDir, List.of("bash", "-c", "source ./restaurant && " + commands),
				Map.of("GATEWAY_PORT", String.valueOf(gateway.port())))
			.exitCode();
	}

	/**
	 * What the readiness check sees of a gateway that checks tokens: the menu and the
	 * discovery document for anyone; the sign-in, which takes one PIN for manager 901 (or
	 * any number); the kitchen's and the cashier's lists, 401 without the token it gave
	 * (and, when {@link #acceptTokens} is off, with it too).
	 */
	static final class FakeGateway {

		final List<String> signIns = new java.util.concurrent.CopyOnWriteArrayList<>();

		final List<String> guarded = new java.util.concurrent.CopyOnWriteArrayList<>();

		volatile boolean acceptTokens = true;

		private final HttpServer server;

		private FakeGateway(HttpServer server) {
			this.server = server;
		}

		static FakeGateway start(String pin) throws IOException {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			FakeGateway gateway = new FakeGateway(server);
			server.createContext("/api/menu", (exchange) -> answer(exchange, 200, "[]"));
			server.createContext("/.well-known/openid-configuration",
					(exchange) -> answer(exchange, 200, "{\"issuer\": \"http://staff-service\"}"));
			server.createContext("/api/staff/login", (exchange) -> {
				JsonNode body = Restaurant.json
					.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				gateway.signIns.add(body.path("staffNumber").asString() + "/" + body.path("pin").asString());
				if (body.path("pin").asString().equals(pin)) {
					answer(exchange, 200,
							"{\"accessToken\":\"eyJ.a-b_c.d\",\"tokenType\":\"Bearer\",\"expiresIn\":900}");
				}
				else {
					answer(exchange, 401, "{\"title\": \"Not signed in\"}");
				}
			});
			for (String path : List.of("/api/kitchen/tickets", "/api/bills")) {
				server.createContext(path, (exchange) -> {
					boolean signedIn = "Bearer eyJ.a-b_c.d"
						.equals(exchange.getRequestHeaders().getFirst("Authorization"));
					gateway.guarded.add(path + (signedIn ? " with a token" : " without a token"));
					answer(exchange, (signedIn && gateway.acceptTokens) ? 200 : 401, "[]");
				});
			}
			server.start();
			return gateway;
		}

		int port() {
			return this.server.getAddress().getPort();
		}

		void stop() {
			this.server.stop(0);
		}

		private static void answer(HttpExchange exchange, int status, String body) throws IOException {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		}

	}

	/**
	 * Starts {@code sleep 300} as the part {@code probe}, the way the launcher starts
	 * every part.
	 */
	private static long startProbe(Path runDir) throws IOException {
		run(runDir, List.of("bash", "-c", "source ./restaurant && start probe sleep 300"));
		return Long.parseLong(Files.readString(runDir.resolve("pids/probe.pid")).trim());
	}

	private static String launcher(Path runDir, String... args) throws IOException {
		List<String> command = new java.util.ArrayList<>(List.of(HOME.resolve("restaurant").toString()));
		command.addAll(List.of(args));
		return run(runDir, command);
	}

	private static String run(Path runDir, List<String> command) throws IOException {
		Result result = execute(runDir, command, Map.of());
		assertThat(result.exitCode()).as(command + " printed:\n" + result.output()).isZero();
		return result.output();
	}

	/**
	 * Runs a command of the launcher's in the repository, on a registry and a gateway
	 * port where nothing answers unless {@code environment} says otherwise (an empty
	 * value removes a variable).
	 */
	private static Result execute(Path runDir, List<String> command, Map<String, String> environment)
			throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true);
		builder.environment()
			.putAll(Map.of("RESTAURANT_RUN_DIR", runDir.toString(), "REGISTRY_PORT", "1", "GATEWAY_PORT", "2"));
		environment.forEach((name, value) -> {
			if (value.isEmpty()) {
				builder.environment().remove(name);
			}
			else {
				builder.environment().put(name, value);
			}
		});
		Process process = builder.start();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(command + " did not finish in 60 s");
			}
			return new Result(process.exitValue(),
					new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Result(int exitCode, String output) {
	}

}
