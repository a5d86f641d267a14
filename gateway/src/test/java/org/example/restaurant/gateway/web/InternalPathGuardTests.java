package org.example.restaurant.gateway.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class InternalPathGuardTests {

	@ParameterizedTest
	@ValueSource(strings = { "/internal/orders/1/paid", "/api/orders/../internal/x", "/api/orders/%2e%2e/internal",
			"/api/orders/%252e%252e/internal", "/api/orders/..;/internal", "/api/./orders", "/INTERNAL/orders",
			"/internal;x=1/orders", "/api/orders/..%5cinternal", "/api/orders/%25zz/%252e%252e/internal" })
	void refusesPathsThatCouldReachInternalEndpoints(String path) {
		assertThat(InternalPathGuard.isSuspicious(path)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/orders", "/api/orders/5b8e4c1e-3f7a-4c5e-9d1a-2b3c4d5e6f70/serve",
			"/api/menu/tiramisu", "/api/kitchen/tickets?status=QUEUED", "/api/menu/internal-affairs",
			"/api/menu/internal", "/api/orders/%2525zz", "/api/menu/100%25" })
	void letsPublicPathsThrough(String path) {
		assertThat(InternalPathGuard.isSuspicious(path)).isFalse();
	}

}
