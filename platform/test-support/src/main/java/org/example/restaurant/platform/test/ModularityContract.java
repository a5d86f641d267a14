package org.example.restaurant.platform.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's packages as Spring Modulith sees them: each direct sub-package of the
 * application's package is an application module. {@link ApplicationModules#verify()}
 * fails on a dependency cycle between them (the root package counted as one more slice),
 * and on a module using a type another module keeps internal (one in its sub-packages,
 * unless a named interface exposes it). A service extends it with its application class
 * and the modules it expects, so that a package that appears or goes is noticed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModularityContract {

	private final ApplicationModules modules;

	private final String[] expected;

	/**
	 * @param application the service's application class
	 * @param expected the names of the modules it should have
	 */
	protected ModularityContract(Class<?> application, String... expected) {
		this.modules = ApplicationModules.of(application);
		this.expected = expected;
	}

	@Test
	public void findsAModulePerPackageBelowTheApplication() {
		assertThat(this.modules.stream().map(ApplicationModule::getName)).containsExactlyInAnyOrder(this.expected);
	}

	@Test
	public void keepsTheModulesFreeOfCyclesAndOutOfEachOthersInternals() {
		this.modules.verify();
	}

}
