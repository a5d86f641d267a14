package org.example.restaurant.kitchen.support;

import java.time.Instant;

/**
 * The platform's test clock, standing still at {@link #START} until a test moves it, so
 * leases pass exactly when a test says.
 */
public final class TestClock extends org.example.restaurant.platform.test.TestClock {

	/**
	 * Where every test clock starts: a few seconds into the shift of {@code Tickets}.
	 */
	public static final Instant START = Instant.parse("2026-11-25T19:00:10Z");

	public TestClock() {
		super(START);
	}

}
