package org.example.restaurant.orders;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's packages as Spring Modulith sees them: each direct sub-package of
 * {@code org.example.restaurant.orders} is an application module, the features
 * ({@code menu}, {@code order}) and the infrastructure ({@code idempotency},
 * {@code messaging}, {@code support}, {@code web}). {@link ApplicationModules#verify()}
 * fails on a dependency cycle between them (the root package counted as one more slice),
 * and on a module using a type another module keeps internal (one in its sub-packages,
 * unless a named interface exposes it; no module has sub-packages today).
 */
class OrderModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(OrderServiceApplication.class);

	@Test
	void findsAModulePerPackageBelowTheApplication() {
		assertThat(modules.stream().map(ApplicationModule::getName)).containsExactlyInAnyOrder("menu", "order",
				"messaging");
	}

	@Test
	void keepsTheModulesFreeOfCyclesAndOutOfEachOthersInternals() {
		modules.verify();
	}

}
