package org.example.restaurant.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import static org.awaitility.Awaitility.await;

/**
 * Java Flight Recorder under the benchmark's load: a recording of every process of a
 * restaurant for the length of one run ({@code jcmd PID JFR.start}), and where each
 * process spent its CPU: each execution sample counts for the part ({@link #PARTS}) of
 * the frame nearest the top of its stack that belongs to one (the JDK's own frames count
 * for the part that called them), or for "other".
 */
final class FlightRecordings {

	/**
	 * The parts a sample is counted for, by the packages of its frames: the first part
	 * whose package a frame is in.
	 */
	static final List<Part> PARTS = List.of(
			// the database
			new Part("org.hibernate.", "Hibernate"), new Part("org.h2.", "H2"),
			new Part("org.postgresql.", "PostgreSQL driver"), new Part("com.zaxxer.hikari.", "Hikari"),
			new Part("org.springframework.modulith.", "Modulith outbox"),
			// the restaurant's own code, and JSON
			new Part("org.example.restaurant.", "restaurant's own code"), new Part("tools.jackson.", "Jackson"),
			new Part("com.fasterxml.jackson.", "Jackson"),
			// the web server, and what serves each request
			new Part("org.apache.catalina.", "Tomcat"), new Part("org.apache.coyote.", "Tomcat"),
			new Part("org.apache.tomcat.", "Tomcat"), new Part("org.springframework.web.", "Spring Web/MVC"),
			new Part("org.springframework.http.", "Spring Web/MVC"),
			new Part("org.springframework.security.", "Spring Security"),
			new Part("com.nimbusds.", "Nimbus JOSE (tokens)"),
			// Spring Cloud, the gateway and what it runs on
			new Part("org.springframework.cloud.gateway.", "Gateway filters"),
			new Part("org.springframework.cloud.loadbalancer.", "Load balancer"),
			new Part("org.springframework.cloud.", "Spring Cloud"), new Part("com.netflix.", "Eureka"),
			new Part("io.github.resilience4j.", "Resilience4j"), new Part("io.github.bucket4j.", "Bucket4j"),
			new Part("reactor.netty.", "Reactor Netty"), new Part("io.netty.", "Netty"),
			new Part("reactor.", "Reactor"),
			// metrics and traces
			new Part("io.micrometer.", "Micrometer"), new Part("brave.", "Brave tracing"),
			new Part("zipkin2.", "Brave tracing"),
			// the rest of Spring, and logging
			new Part("org.springframework.transaction.", "Transactions"),
			new Part("org.springframework.orm.", "Transactions"), new Part("org.springframework.data.", "Spring Data"),
			new Part("org.springframework.aop.", "Spring AOP/proxies"),
			new Part("org.springframework.", "Spring (other)"), new Part("ch.qos.logback.", "Logging"),
			new Part("org.slf4j.", "Logging"));

	private final Path folder;

	private final Map<String, Long> pids;

	private FlightRecordings(Path folder, Map<String, Long> pids) {
		this.folder = folder;
		this.pids = pids;
	}

	/** Starts a recording of {@code length} in every process of the restaurant. */
	static FlightRecordings start(Restaurant restaurant, Path folder, Duration length) {
		try {
			Files.createDirectories(folder);
			Map<String, Long> pids = restaurant.pids();
			for (Map.Entry<String, Long> process : pids.entrySet()) {
				Path file = folder.resolve(process.getKey() + ".jfr").toAbsolutePath();
				Files.deleteIfExists(file);
				Process jcmd = new ProcessBuilder("jcmd", String.valueOf(process.getValue()), "JFR.start",
						"settings=profile", "duration=" + length.toSeconds() + "s", "filename=" + file)
					.redirectErrorStream(true)
					.start();
				jcmd.getInputStream().readAllBytes();
				jcmd.waitFor(30, TimeUnit.SECONDS);
			}
			return new FlightRecordings(folder, pids);
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
	 * Once every recording is written: per process, its execution samples and the share
	 * of them in each part, the largest first.
	 */
	String summary() {
		StringBuilder summary = new StringBuilder();
		for (String name : this.pids.keySet()) {
			Path file = this.folder.resolve(name + ".jfr");
			await("the flight recording of " + name).atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> Files.exists(file) && Files.size(file) > 0);
			summary.append("- ").append(name).append(": ").append(shares(file)).append('\n');
		}
		return summary.toString();
	}

	private static String shares(Path file) {
		Map<String, Integer> counts = new HashMap<>();
		int samples = 0;
		try {
			for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
				if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
					samples++;
					counts.merge(partOf(event.getStackTrace().getFrames()), 1, Integer::sum);
				}
			}
		}
		catch (IOException ex) {
			return "unreadable (" + ex.getMessage() + ")";
		}
		int total = samples;
		StringBuilder shares = new StringBuilder(total + " samples");
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(10)
			.forEach((part) -> shares.append(", ")
				.append(part.getKey())
				.append(' ')
				.append(Math.round(100.0 * part.getValue() / total))
				.append(" %"));
		return shares.toString();
	}

	private static String partOf(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			for (Part part : PARTS) {
				if (type.startsWith(part.packagePrefix())) {
					return part.name();
				}
			}
		}
		return "other";
	}

	/** A part of a process, by the prefix of its packages' names. */
	record Part(String packagePrefix, String name) {
	}

}
