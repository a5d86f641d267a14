package org.example.restaurant.platform.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test can set and move, for the {@code Clock} bean every service reads (see
 * the platform's {@code ClockAutoConfiguration}). Made with no start it tells the system
 * time until a test sets it; made with a start it stands still there until a test moves
 * it, so leases and deadlines pass exactly when the test says. Thread-safe. Always UTC.
 */
public class TestClock extends Clock {

	private final Instant start;

	private final AtomicReference<Instant> fixed = new AtomicReference<>();

	/** A clock that tells the system time until a test sets it. */
	public TestClock() {
		this(null);
	}

	/**
	 * A clock that stands still at {@code start} until a test moves it.
	 * @param start where it stands, {@code null} for the system time
	 */
	public TestClock(Instant start) {
		this.start = start;
		this.fixed.set(start);
	}

	/** From now on, the clock tells {@code instant}. */
	public void setTo(Instant instant) {
		this.fixed.set(instant);
	}

	/**
	 * Moves a set clock on.
	 * @param duration how far
	 * @return the time it tells now
	 */
	public Instant advance(Duration duration) {
		return this.fixed.updateAndGet((instant) -> instant.plus(duration));
	}

	/** Back to where it started: its start, or the system time. */
	public void reset() {
		this.fixed.set(this.start);
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

	/**
	 * The same moments, told in another zone: a view that follows this clock as a test
	 * sets and moves it.
	 */
	@Override
	public Clock withZone(ZoneId zone) {
		TestClock clock = this;
		return new Clock() {

			@Override
			public Instant instant() {
				return clock.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return clock.withZone(other);
			}

		};
	}

}
