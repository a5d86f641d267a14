package org.example.restaurant.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stub of one or more services behind the gateway, which records the request line
 * ({@link StubServices#requestLine}) of everything that reaches it, then answers as its
 * handler says. Declare it as a static {@code @RegisterExtension} field of a
 * {@link GatewayTest}: the gateway lists it as an instance of its services, and it
 * forgets what it received before each test and stops after the last.
 */
final class RecordingStub implements BeforeEachCallback, AfterAllCallback {

	private final List<String> services;

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private RecordingStub(List<String> services, HttpHandler handler) {
		this.services = List.copyOf(services);
		this.server = StubServices.start((exchange) -> {
			this.received.add(StubServices.requestLine(exchange));
			exchange.getRequestBody().readAllBytes();
			handler.handle(exchange);
		});
	}

	/**
	 * A stub of one service.
	 * @param service the service's name, such as {@code order-service}
	 * @param handler how it answers
	 * @return the stub, started
	 */
	static RecordingStub of(String service, HttpHandler handler) {
		return new RecordingStub(List.of(service), handler);
	}

	/**
	 * A stub that is an instance of each service named.
	 * @param services the services' names
	 * @param handler how it answers
	 * @return the stub, started
	 */
	static RecordingStub of(List<String> services, HttpHandler handler) {
		return new RecordingStub(services, handler);
	}

	/** The services this stub is an instance of. */
	List<String> services() {
		return this.services;
	}

	/** What reached the stub since the test began, oldest first. */
	List<String> received() {
		return this.received;
	}

	String uri() {
		return StubServices.uri(this.server);
	}

	/** Forgets what reached the stub so far. */
	void forget() {
		this.received.clear();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		forget();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.server.stop(0);
	}

}
