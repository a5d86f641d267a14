package org.example.restaurant.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

	/** The parts a sample is counted for, by the packages of its frames. */
	static final Map<String, String> PARTS = parts();

	private static Map<String, String> parts() {
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("org.hibernate.", "Hibernate");
		parts.put("org.h2.", "H2");
		parts.put("org.postgresql.", "PostgreSQL driver");
		parts.put("com.zaxxer.hikari.", "Hikari");
		parts.put("org.springframework.modulith.", "Modulith outbox");
		parts.put("org.example.restaurant.", "restaurant's own code");
		parts.put("tools.jackson.", "Jackson");
		parts.put("com.fasterxml.jackson.", "Jackson");
		parts.put("org.apache.catalina.", "Tomcat");
		parts.put("org.apache.coyote.", "Tomcat");
		parts.put("org.apache.tomcat.", "Tomcat");
		parts.put("org.springframework.web.", "Spring Web/MVC");
		parts.put("org.springframework.http.", "Spring Web/MVC");
		parts.put("org.springframework.security.", "Spring Security");
		parts.put("com.nimbusds.", "Nimbus JOSE (tokens)");
		parts.put("org.springframework.cloud.gateway.", "Gateway filters");
		parts.put("org.springframework.cloud.loadbalancer.", "Load balancer");
		parts.put("org.springframework.cloud.", "Spring Cloud");
		parts.put("com.netflix.", "Eureka");
		parts.put("io.github.resilience4j.", "Resilience4j");
		parts.put("io.github.bucket4j.", "Bucket4j");
		parts.put("reactor.netty.", "Reactor Netty");
		parts.put("io.netty.", "Netty");
		parts.put("reactor.", "Reactor");
		parts.put("io.micrometer.", "Micrometer");
		parts.put("brave.", "Brave tracing");
		parts.put("zipkin2.", "Brave tracing");
		parts.put("org.springframework.transaction.", "Transactions");
		parts.put("org.springframework.orm.", "Transactions");
		parts.put("org.springframework.data.", "Spring Data");
		parts.put("org.springframework.aop.", "Spring AOP/proxies");
		parts.put("org.springframework.", "Spring (other)");
		parts.put("ch.qos.logback.", "Logging");
		parts.put("org.slf4j.", "Logging");
		return parts;
	}

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
			for (Map.Entry<String, String> part : PARTS.entrySet()) {
				if (type.startsWith(part.getKey())) {
					return part.getValue();
				}
			}
		}
		return "other";
	}

}
