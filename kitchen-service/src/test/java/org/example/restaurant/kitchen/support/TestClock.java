package org.example.restaurant.kitchen.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it, so leases pass exactly when a test
 * says. Thread-safe: cooks of several simulated replicas read it at once.
 */
public final class TestClock extends Clock {

	/**
	 * Where every test clock starts: a few seconds into the shift of {@code Tickets}.
	 */
	public static final Instant START = Instant.parse("2026-11-25T19:00:10Z");

	private volatile Instant now = START;

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the kitchen keeps time in UTC");
	}

	public synchronized Instant advance(Duration duration) {
		this.now = this.now.plus(duration);
		return this.now;
	}

	public void reset() {
		this.now = START;
	}

}
