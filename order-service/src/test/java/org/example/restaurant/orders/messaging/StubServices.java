package org.example.restaurant.orders.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for kitchen-service and cashier-service: a real HTTP server that records
 * what it receives, answers 201 by default, and can be told to fail the next requests
 * that match a condition. For each request it also records the status the order had in
 * the database at that moment, as seen from another connection.
 */
final class StubServices {

	private static final Pattern ORDER_ID = Pattern
		.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final Queue<PlannedFailure> failures = new ConcurrentLinkedQueue<>();

	private final Queue<Hold> holds = new ConcurrentLinkedQueue<>();

	private volatile Function<String, String> orderStatusLookup = (orderId) -> null;

	private StubServices(HttpServer server) {
		this.server = server;
		server.createContext("/", this::handle);
		server.start();
	}

	static StubServices start() {
		try {
			return new StubServices(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the stub services", ex);
		}
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void lookUpOrderStatusWith(Function<String, String> lookup) {
		this.orderStatusLookup = lookup;
	}

	/**
	 * Answers the next request that matches with the given status instead of 201.
	 */
	void failNext(Predicate<Received> matching, int status) {
		this.failures.add(new PlannedFailure(matching, status));
	}

	/**
	 * Keeps the next request that matches unanswered until the returned latch is counted
	 * down (at most a minute): a receiver that hangs. The stub answers one request at a
	 * time, so the others wait behind it.
	 */
	CountDownLatch holdNext(Predicate<Received> matching) {
		CountDownLatch release = new CountDownLatch(1);
		this.holds.add(new Hold(matching, release));
		return release;
	}

	List<Received> received(String path, String orderId) {
		return this.received.stream()
			.filter((request) -> request.path().equals(path) && orderId.equals(request.orderId()))
			.toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String path = exchange.getRequestURI().getPath();
		Matcher matcher = ORDER_ID.matcher(path + " " + body);
		String orderId = matcher.find() ? matcher.group(1) : null;
		String statusAtArrival = (orderId != null) ? this.orderStatusLookup.apply(orderId) : null;
		Received request = new Received(exchange.getRequestMethod(), path, body,
				exchange.getRequestHeaders().getFirst("Content-Type"), orderId, statusAtArrival);
		for (Hold hold : this.holds) {
			if (hold.matching().test(request) && this.holds.remove(hold)) {
				awaitRelease(hold.release());
			}
		}
		int status = answerFor(request);
		this.received.add(request);
		byte[] response = "{}".getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, response.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(response);
		}
	}

	private static void awaitRelease(CountDownLatch release) {
		try {
			release.await(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private int answerFor(Received request) {
		for (PlannedFailure failure : this.failures) {
			if (failure.matching().test(request) && this.failures.remove(failure)) {
				return failure.status();
			}
		}
		return 201;
	}

	/**
	 * One request as the stub saw it.
	 */
	record Received(String method, String path, String body, String contentType, String orderId,
			String orderStatusAtArrival) {

	}

	private record PlannedFailure(Predicate<Received> matching, int status) {

	}

	private record Hold(Predicate<Received> matching, CountDownLatch release) {

	}

}
