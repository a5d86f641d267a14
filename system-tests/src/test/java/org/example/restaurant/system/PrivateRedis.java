package org.example.restaurant.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A Redis of a chaos run's own (Debian's {@code redis-server}, on a free port, nothing
 * kept on disk), for the gateway's shared rate limiter ({@code gateway.rate-limit.store=
 * redis}), so that a fault can kill it without touching the machine's Redis that others
 * use. Killed with {@code kill -9} and started again on the same port.
 */
final class PrivateRedis implements AutoCloseable {

	private final int port;

	private final Path log;

	private Process process;

	private PrivateRedis(int port, Path log) {
		this.port = port;
		this.log = log;
	}

	/** Whether Redis is installed here; without it a run has no Redis fault. */
	static boolean installed() {
		return Files.isExecutable(Path.of("/usr/bin/redis-server"));
	}

	/** Starts one on a free port, its log in {@code log}. */
	static PrivateRedis start(Path log) {
		PrivateRedis redis = new PrivateRedis(Restaurant.freePort(), log);
		redis.start();
		return redis;
	}

	int port() {
		return this.port;
	}

	/** Starts it (again), and waits until it takes connections. */
	synchronized void start() {
		try {
			Files.createDirectories(this.log.getParent());
			this.process = new ProcessBuilder(List.of("/usr/bin/redis-server", "--port", String.valueOf(this.port),
					"--bind", "127.0.0.1", "--save", "", "--appendonly", "no"))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not start redis-server", ex);
		}
		await("Redis to take connections on port " + this.port).atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(this::takesConnections);
	}

	/** {@code kill -9}, and waits until the process is gone. */
	synchronized void kill() {
		this.process.destroyForcibly();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("redis-server outlived kill -9");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public synchronized void close() {
		if (this.process != null && this.process.isAlive()) {
			kill();
		}
	}

	private boolean takesConnections() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
