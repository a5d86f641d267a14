package org.example.restaurant.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Which buckets the settings make, and none at all when the limits are off. */
class RateLimitingTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class, RateLimiting.class);

	@Test
	void keepsTheBucketsInMemoryByDefault() {
		this.contexts.run((context) -> {
			assertThat(context).hasSingleBean(RateLimitFilter.class);
			assertThat(context.getBean(Buckets.class)).isInstanceOf(MemoryBuckets.class);
			RateLimitSettings settings = context.getBean(RateLimitSettings.class);
			assertThat(settings.perPerson()).isEqualTo(600);
			assertThat(settings.perAddress()).isEqualTo(1200);
		});
	}

	@Test
	void countsNothingWhenTurnedOff() {
		this.contexts.withPropertyValues("gateway.rate-limit.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RateLimitFilter.class)
				.doesNotHaveBean(Buckets.class));
	}

	@Test
	void refusesALimitBelowOne() {
		this.contexts.withPropertyValues("gateway.rate-limit.per-person=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ RateLimitSettings.class, RedisSettings.class })
	static class Settings {

	}

}
