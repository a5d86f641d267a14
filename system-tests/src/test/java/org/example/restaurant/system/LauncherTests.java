package org.example.restaurant.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
		ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true);
		// a registry port where nothing answers
		builder.environment()
			.putAll(Map.of("RESTAURANT_RUN_DIR", runDir.toString(), "REGISTRY_PORT", "1", "GATEWAY_PORT", "2"));
		Process process = builder.start();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(command + " did not finish in 60 s");
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.exitValue()).as(command + " printed:\n" + output).isZero();
			return output;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
