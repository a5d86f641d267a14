package org.example.restaurant.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.sun.net.httpserver.HttpHandler;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link RecordingStub} for each of the four services behind the gateway, for a test
 * that calls them all. Declare it as a static {@code @RegisterExtension} field of a
 * {@link GatewayTest}, as a single stub.
 */
final class ServiceStubs implements BeforeEachCallback, AfterAllCallback {

	/** The services behind the gateway. */
	static final List<String> SERVICES = List.of("order-service", "kitchen-service", "cashier-service",
			"staff-service");

	private final Map<String, RecordingStub> stubs = new LinkedHashMap<>();

	private ServiceStubs(Function<String, HttpHandler> handlers) {
		for (String service : SERVICES) {
			this.stubs.put(service, RecordingStub.of(service, handlers.apply(service)));
		}
	}

	/**
	 * Starts a stub of each service.
	 * @param handlers how the stub of each service, by its name, answers
	 * @return the stubs
	 */
	static ServiceStubs answering(Function<String, HttpHandler> handlers) {
		return new ServiceStubs(handlers);
	}

	/** The stub of a service. */
	RecordingStub of(String service) {
		return this.stubs.get(service);
	}

	/** The stubs, one a service. */
	List<RecordingStub> all() {
		return List.copyOf(this.stubs.values());
	}

	/** What reached any of the services since the test began. */
	List<String> received() {
		return this.stubs.values().stream().flatMap((stub) -> stub.received().stream()).toList();
	}

	/** Forgets what reached the services so far. */
	void forget() {
		this.stubs.values().forEach(RecordingStub::forget);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		forget();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		for (RecordingStub stub : this.stubs.values()) {
			stub.afterAll(context);
		}
	}

}
