package org.example.restaurant.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rate limits, unless {@code gateway.rate-limit.enabled=false}: the buckets where
 * {@code gateway.rate-limit.store} says, and the filter that counts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gateway.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
class RateLimiting {

	@Bean
	Buckets rateLimitBuckets(RateLimitSettings settings, RedisSettings redis, ObjectProvider<MeterRegistry> meters) {
		return switch (settings.store()) {
			case MEMORY -> new MemoryBuckets();
			case REDIS ->
				new RedisBuckets(redis, settings.keyPrefix(), meters.getIfAvailable(() -> Metrics.globalRegistry));
		};
	}

	@Bean
	RateLimitFilter rateLimitFilter(Buckets buckets, RateLimitSettings settings) {
		return new RateLimitFilter(buckets, settings);
	}

}
