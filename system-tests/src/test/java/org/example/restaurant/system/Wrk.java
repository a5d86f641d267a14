package org.example.restaurant.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.opentest4j.TestAbortedException;

/**
 * The load generator of the benchmarks: wrk (Debian's {@code wrk}), driven by
 * {@code bench/load.lua}, which reports its figures in one line. A real load generator in
 * C, so that on this 2-core machine it takes as little as possible of the CPU the
 * restaurant needs.
 */
final class Wrk {

	private static final Path SCRIPT = script();

	private final int connections;

	private final Duration duration;

	Wrk(int connections, Duration duration) {
		this.connections = connections;
		this.duration = duration;
	}

	/** GETs of one URL, as fast as it answers. */
	Result get(URI url) {
		return run(url, List.of("get"));
	}

	/**
	 * Orders of one item, placed at {@code gateway} with {@code token}, each with an
	 * {@code Idempotency-Key} that starts with {@code run}.
	 */
	Result orders(URI gateway, String token, String menuItem, String run) {
		return run(gateway.resolve("/api/orders"), List.of("order", token, menuItem, run));
	}

	private Result run(URI url, List<String> args) {
		List<String> command = new ArrayList<>(List.of("wrk", "--threads", "2", "--connections",
				String.valueOf(this.connections), "--duration", this.duration.toSeconds() + "s", "--timeout", "10s",
				"--script", SCRIPT.toString(), url.toString(), "--"));
		command.addAll(args);
		try {
			Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!wrk.waitFor(this.duration.toSeconds() + 60, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
				throw new IllegalStateException("wrk failed: " + output);
			}
			return output.lines()
				.filter((line) -> line.startsWith("BENCH "))
				.map((line) -> Restaurant.json.readValue(line.substring(6), Result.class))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("wrk printed no figures: " + output));
		}
		catch (IOException ex) {
			throw new TestAbortedException("wrk is needed for the benchmark (apt-get install wrk): " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Path script() {
		try (InputStream in = Wrk.class.getResourceAsStream("/bench/load.lua")) {
			Path file = Files.createTempFile("load", ".lua");
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What one wrk run measured (bench/load.lua's {@code done}). */
	record Result(long requests, long durationMicros, long statusErrors, long connectErrors, long readErrors,
			long writeErrors, long timeouts, long p50Micros, long p99Micros, long maxMicros) {

		double perSecond() {
			return this.requests * 1_000_000.0 / this.durationMicros;
		}

		/** Answers of 400 or more, and requests that got no answer. */
		long errors() {
			return this.statusErrors + this.connectErrors + this.readErrors + this.writeErrors + this.timeouts;
		}

		double p50Millis() {
			return this.p50Micros / 1000.0;
		}

		double p99Millis() {
			return this.p99Micros / 1000.0;
		}

	}

}
