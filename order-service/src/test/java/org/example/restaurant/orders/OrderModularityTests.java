package org.example.restaurant.orders;

import org.example.restaurant.platform.test.ModularityContract;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The service's packages as Spring Modulith sees them: each direct sub-package of
 * {@code org.example.restaurant.orders} is an application module, the features
 * ({@code menu}, {@code order}) and the infrastructure ({@code idempotency},
 * {@code messaging}, {@code support}, {@code web}). {@link ApplicationModules#verify()}
 * fails on a dependency cycle between them (the root package counted as one more slice),
 * and on a module using a type another module keeps internal (one in its sub-packages,
 * unless a named interface exposes it; no module has sub-packages today).
 */
class OrderModularityTests extends ModularityContract {

	OrderModularityTests() {
		super(OrderServiceApplication.class, "menu", "order", "messaging", "figures");
	}

}
