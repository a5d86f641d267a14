package org.example.restaurant.kitchen.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The instants the kitchen stores on tickets. The database keeps microseconds; cutting
 * "now" to microseconds before it is stored makes what a change returns equal what a
 * later read returns, and lets a lease that a cook set be found again by equality (see
 * {@link TicketRepository#renewLease}).
 */
final class TicketTimes {

	private TicketTimes() {
	}

	static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	// a renewal finds its lease by equality, so it must be stored exactly as set
	static Instant leaseFrom(Instant at, Duration lease) {
		return at.plus(lease).truncatedTo(ChronoUnit.MICROS);
	}

}
