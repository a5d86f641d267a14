package org.example.restaurant.platform.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The clock every service stamps its times with (UTC), a bean so that tests can move time
 * (the test-support artifact has a {@code TestClock}). The outbox, idempotency keys,
 * Spring Modulith's event publication registry and the services' aggregates all read it.
 * Kitchen replicas compare each other's leases with their own clocks, so hosts must keep
 * time (NTP).
 */
@AutoConfiguration
public class ClockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
