package org.example.restaurant.platform.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestClockTests {

	static final Instant START = Instant.parse("2026-11-25T19:00:10Z");

	@Test
	void standsStillAtItsStartUntilMovedAndGoesBackOnReset() {
		TestClock clock = new TestClock(START);

		assertThat(clock.instant()).isEqualTo(START);
		assertThat(clock.advance(Duration.ofSeconds(5))).isEqualTo(START.plusSeconds(5));
		clock.reset();
		assertThat(clock.instant()).isEqualTo(START);
	}

	@Test
	void tellsTheSameMomentsInAnotherZoneAsItIsMoved() {
		TestClock clock = new TestClock(START);
		Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

		clock.advance(Duration.ofMinutes(1));

		assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
		assertThat(paris.instant()).isEqualTo(START.plusSeconds(60));
	}

}
