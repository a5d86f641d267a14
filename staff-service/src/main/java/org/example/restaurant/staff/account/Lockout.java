package org.example.restaurant.staff.account;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many wrong PINs in a row lock a staff number, and for how long
 * ({@code staff.lockout.*}).
 *
 * @param attempts wrong PINs in a row that lock the number, 5 by default
 * @param duration how long it stays locked, 5 minutes by default
 */
public record Lockout(@DefaultValue("5") int attempts, @DefaultValue("5m") Duration duration) {

	public Lockout {
		if (attempts < 1) {
			throw new IllegalArgumentException("staff.lockout.attempts must be at least 1");
		}
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("staff.lockout.duration must be positive");
		}
	}

}
