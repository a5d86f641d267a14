package org.example.restaurant.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stub service that records the request line ({@link StubServices#requestLine}) of
 * everything that reaches it, then answers as its handler says. Register it as a static
 * {@code @RegisterExtension} field: it forgets what it received before each test and
 * stops after the last.
 */
final class RecordingStub implements BeforeEachCallback, AfterAllCallback {

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	private RecordingStub(HttpHandler handler) {
		this.server = StubServices.start((exchange) -> {
			this.received.add(StubServices.requestLine(exchange));
			exchange.getRequestBody().readAllBytes();
			handler.handle(exchange);
		});
	}

	static RecordingStub answering(HttpHandler handler) {
		return new RecordingStub(handler);
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
