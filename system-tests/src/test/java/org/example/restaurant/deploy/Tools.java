package org.example.restaurant.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.opentest4j.TestAbortedException;

/**
 * The repository's files and the command-line tools that read them ({@code kubectl},
 * {@code docker compose} or {@code docker-compose}). A missing tool fails a test under
 * {@code CI=true}, where {@code .ci/run} installs it, and skips it elsewhere.
 */
final class Tools {

	static final Path HOME = Path.of(System.getProperty("restaurant.home", "..")).toAbsolutePath().normalize();

	private Tools() {
	}

	/** The result of a command: its exit code and everything it printed. */
	record Result(int exitCode, String output) {

		Result orFail(List<String> command) {
			if (this.exitCode != 0) {
				throw new AssertionError(
						String.join(" ", command) + " exited with " + this.exitCode + ":\n" + this.output);
			}
			return this;
		}

	}

	/**
	 * Runs a command in the repository and returns its standard output; fails if it
	 * fails.
	 */
	static String run(List<String> command) {
		return execute(command, false).orFail(command).output();
	}

	/**
	 * Runs a command in the repository with these environment variables set (a
	 * {@code null} value removes one), and returns its standard output; fails if it
	 * fails.
	 */
	static String run(List<String> command, Map<String, String> environment) {
		return execute(command, false, environment).orFail(command).output();
	}

	/** Runs a command in the repository; its standard error is merged into its output. */
	static Result execute(List<String> command, boolean mergeErrors) {
		return execute(command, mergeErrors, Map.of());
	}

	/**
	 * Runs a command in the repository with these environment variables set (a
	 * {@code null} value removes one); its standard error is merged into its output.
	 */
	static Result execute(List<String> command, boolean mergeErrors, Map<String, String> environment) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(mergeErrors);
		environment.forEach((name, value) -> {
			if (value == null) {
				builder.environment().remove(name);
			}
			else {
				builder.environment().put(name, value);
			}
		});
		if (!mergeErrors) {
			builder.redirectError(ProcessBuilder.Redirect.INHERIT);
		}
		try {
			Process process = builder.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new AssertionError(String.join(" ", command) + " did not finish in 2 minutes");
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The path of a program on the {@code PATH}, if there is one. */
	static Optional<Path> find(String program) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir).resolve(program);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/** A test cannot run without a tool: fails under {@code CI=true}, skips elsewhere. */
	static RuntimeException missing(String what) {
		if ("true".equals(System.getenv("CI"))) {
			return new IllegalStateException(
					what + " is missing; .ci/run installs it, and under CI=true it is required");
		}
		return new TestAbortedException(what + " is missing, so this test is skipped (.ci/run installs it)");
	}

	/** The lines of a file of the repository. */
	static List<String> lines(String path) {
		try {
			return new ArrayList<>(Files.readAllLines(HOME.resolve(path), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
