package org.example.restaurant.staff.account;

import java.time.Instant;
import java.util.List;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Members of staff for tests.
 */
final class StaffMembers {

	static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	static final Instant HIRED_AT = Instant.parse("2026-12-01T10:00:00Z");

	private StaffMembers() {
	}

	static Staff wendy() {
		return Staff.hire("101", "Wendy", List.of(Role.WAITER), Pin.of("1111"), ENCODER, HIRED_AT);
	}

	static Staff maria() {
		return Staff.hire("901", "Maria", List.of(Role.MANAGER), Pin.of("9999"), ENCODER, HIRED_AT);
	}

	static Staff hire(String number, Role... roles) {
		return Staff.hire(number, "Person " + number, List.of(roles), Pin.of("1234"), ENCODER, HIRED_AT);
	}

}
