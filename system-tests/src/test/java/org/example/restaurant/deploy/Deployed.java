package org.example.restaurant.deploy;

import java.util.List;
import java.util.Map;

/**
 * What every way of deploying the restaurant runs, whether with Compose
 * ({@code compose.yaml}) or on Kubernetes ({@code deploy/k8s}): the Java services, the
 * databases of those that keep data, and the services that send messages with a token of
 * their own. Both deployments' tests check their files against these.
 */
final class Deployed {

	/** The Java services (the observability tools beside them are not counted). */
	static final List<String> SERVICES = List.of("registry", "gateway", "staff-service", "order-service",
			"kitchen-service", "cashier-service");

	/**
	 * The services that keep data, each in a database of its own, and the prefix of its
	 * settings ({@code ORDERS_DB_URL}, ...).
	 */
	static final Map<String, String> DATABASES = Map.of("order-service", "ORDERS", "kitchen-service", "KITCHEN",
			"cashier-service", "CASHIER", "staff-service", "STAFF");

	/** The services that send messages with a token of their own, and their secrets. */
	static final Map<String, String> CLIENTS = Map.of("order-service", "ORDER_SERVICE_CLIENT_SECRET", "kitchen-service",
			"KITCHEN_SERVICE_CLIENT_SECRET", "cashier-service", "CASHIER_SERVICE_CLIENT_SECRET");

	private Deployed() {
	}

}
