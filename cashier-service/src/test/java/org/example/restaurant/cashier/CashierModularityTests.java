package org.example.restaurant.cashier;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's packages as Spring Modulith sees them: each direct sub-package of
 * {@code org.example.restaurant.cashier} is an application module, the features
 * ({@code bill}, {@code report}) and the infrastructure ({@code idempotency},
 * {@code messaging}, {@code web}). {@link ApplicationModules#verify()} fails on a
 * dependency cycle between them, the root package counted as one more slice (so
 * {@link CashierSettings} returning a {@code bill.TaxRule} while {@code bill} reads
 * {@link CashierSettings} is a cycle), and on a module using a type another module keeps
 * internal (one in its sub-packages, unless a named interface exposes it; no module has
 * sub-packages today).
 */
class CashierModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(CashierServiceApplication.class);

	@Test
	void findsAModulePerPackageBelowTheApplication() {
		assertThat(modules.stream().map(ApplicationModule::getName)).containsExactlyInAnyOrder("bill", "report",
				"messaging");
	}

	@Test
	void keepsTheModulesFreeOfCyclesAndOutOfEachOthersInternals() {
		modules.verify();
	}

}
