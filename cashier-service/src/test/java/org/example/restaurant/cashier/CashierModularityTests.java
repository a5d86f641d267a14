package org.example.restaurant.cashier;

import org.example.restaurant.platform.test.ModularityContract;

import org.springframework.modulith.core.ApplicationModules;

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
class CashierModularityTests extends ModularityContract {

	CashierModularityTests() {
		super(CashierServiceApplication.class, "bill", "report", "messaging", "figures");
	}

}
