package org.example.restaurant.cashier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tells the system time until a test sets it, and again once the test resets
 * it.
 */
public class TestClock extends Clock {

	private final AtomicReference<Instant> fixed = new AtomicReference<>();

	/** From now on, the clock tells {@code instant}. */
	public void setTo(Instant instant) {
		this.fixed.set(instant);
	}

	/** Moves a set clock on. */
	public void advance(Duration duration) {
		this.fixed.updateAndGet((instant) -> instant.plus(duration));
	}

	/** Back to the system time. */
	public void reset() {
		this.fixed.set(null);
	}

	@Override
	public Instant instant() {
		Instant instant = this.fixed.get();
		return (instant != null) ? instant : Instant.now();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the cashier works in UTC");
	}

}
