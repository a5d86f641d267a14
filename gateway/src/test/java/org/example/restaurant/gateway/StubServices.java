package org.example.restaurant.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Stand-ins for the services behind the gateway: plain HTTP servers on free ports, and
 * ports on which nothing listens (a killed process).
 */
public final class StubServices {

	// Shared, so that a request a stub holds on to does not hold up the others.
	private static final Executor threads = Executors.newCachedThreadPool();

	private StubServices() {
	}

	static HttpServer start(HttpHandler handler) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.createContext("/", handler);
			server.setExecutor(threads);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Lists the instances of a service for the gateway's load balancer (Spring Cloud's
	 * simple discovery client), in order.
	 * @param registry the test's dynamic properties
	 * @param service the service's name, such as {@code order-service}
	 * @param uris the base URI of each instance, read when the gateway starts
	 */
	@SafeVarargs
	public static void register(DynamicPropertyRegistry registry, String service, Supplier<Object>... uris) {
		for (int i = 0; i < uris.length; i++) {
			registry.add(instanceProperty(service, i), uris[i]);
		}
	}

	/**
	 * The property of Spring Cloud's simple discovery client that holds the URI of an
	 * instance of a service.
	 * @param service the service's name
	 * @param index the instance's place in the service's list
	 * @return the property's name
	 */
	static String instanceProperty(String service, int index) {
		return "spring.cloud.discovery.client.simple.instances." + service + "[" + index + "].uri";
	}

	/**
	 * A service that answers every request with 200 and a JSON body.
	 * @param body the body
	 * @param instanceId its {@code X-Instance-Id}
	 * @return the handler
	 */
	static HttpHandler json(String body, String instanceId) {
		return (exchange) -> respond(exchange, 200, "application/json", body, instanceId);
	}

	/** What a stub records of a request: method, raw path and raw query, if any. */
	static String requestLine(HttpExchange exchange) {
		String query = exchange.getRequestURI().getRawQuery();
		return exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
				+ ((query != null) ? "?" + query : "");
	}

	static String uri(HttpServer server) {
		return "http://localhost:" + server.getAddress().getPort();
	}

	/** The address of a port nobody listens on: connections to it are refused. */
	public static String deadInstance() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://localhost:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A staff-service: publishes the keys of {@link TestTokens} at {@code /oauth2/jwks},
	 * and answers everything else with 200 and an empty JSON object.
	 * @param exchange the request
	 * @throws IOException if the answer cannot be written
	 */
	static void staffService(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		boolean keys = exchange.getRequestURI().getRawPath().equals("/oauth2/jwks");
		respond(exchange, 200, "application/json", keys ? TestTokens.jwks() : "{}", "staff-service:stub");
	}

	/**
	 * The address of a staff-service that publishes the keys of {@link TestTokens}, for
	 * tests that need tokens checked but route nothing to the staff-service; one for all
	 * tests.
	 */
	public static String keys() {
		return Keys.SERVER_URI;
	}

	private static final class Keys {

		static final String SERVER_URI = uri(start(StubServices::staffService));

	}

	static void respond(HttpExchange exchange, int status, String contentType, String body, String instanceId)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.getResponseHeaders().add("X-Instance-Id", instanceId);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
