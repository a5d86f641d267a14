package org.example.restaurant.kitchen;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kitchen's packages as Spring Modulith's application modules: each top-level package
 * under {@code org.example.restaurant.kitchen} is one.
 * {@link ApplicationModules#verify()} fails on a cycle between modules, and on a module
 * using a type another module keeps in a sub-package (its internals); the kitchen has no
 * sub-packages yet, so today that is the cycle check.
 */
class KitchenModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(KitchenServiceApplication.class);

	@Test
	void everyFeaturePackageIsAModule() {
		assertThat(modules.stream().map(ApplicationModule::getName)).containsExactlyInAnyOrder("cluster", "cook",
				"messaging", "ticket");
	}

	@Test
	void modulesDependOnEachOtherWithoutCycles() {
		modules.verify();
	}

}
