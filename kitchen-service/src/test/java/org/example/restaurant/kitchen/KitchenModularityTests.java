package org.example.restaurant.kitchen;

import org.example.restaurant.platform.test.ModularityContract;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The kitchen's packages as Spring Modulith's application modules: each top-level package
 * under {@code org.example.restaurant.kitchen} is one.
 * {@link ApplicationModules#verify()} fails on a cycle between modules, and on a module
 * using a type another module keeps in a sub-package (its internals); the kitchen has no
 * sub-packages yet, so today that is the cycle check.
 */
class KitchenModularityTests extends ModularityContract {

	KitchenModularityTests() {
		super(KitchenServiceApplication.class, "cluster", "cook", "messaging", "ticket", "figures");
	}

}
