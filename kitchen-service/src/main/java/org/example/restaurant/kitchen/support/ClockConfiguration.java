package org.example.restaurant.kitchen.support;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock the kitchen stamps tickets and leases with, a bean so that tests can move
 * time. The replicas compare each other's leases with their own clocks, so their hosts
 * must keep time (NTP) to well within {@code kitchen.lease}.
 * <p>
 * Spring Modulith's event publication registry uses this clock too.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
