package org.example.restaurant.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's rate limits ({@code gateway.rate-limit.*}, docs/security.md): requests
 * per minute per signed-in person (the token's {@code sub}) and per client address for
 * calls without a token, counted over the API ({@code /api/**}) and the staff-service's
 * public endpoints, not over the app's files or health.
 *
 * @param enabled whether calls are counted at all, {@code true} by default
 * @param perPerson requests a minute one signed-in person may make, 600 by default
 * @param perAddress requests a minute one client address may make without a token, 1200
 * by default
 * @param store where the counts live: {@code memory} (the default: one gateway) or
 * {@code redis} (several gateways share them, at {@code spring.data.redis.*})
 * @param keyPrefix the prefix of the gateway's keys in Redis, {@code gateway:rate-limit:}
 * by default
 */
@ConfigurationProperties("gateway.rate-limit")
public record RateLimitSettings(@DefaultValue("true") boolean enabled, @DefaultValue("600") long perPerson,
		@DefaultValue("1200") long perAddress, @DefaultValue("memory") Store store,
		@DefaultValue("gateway:rate-limit:") String keyPrefix) {

	public RateLimitSettings {
		if (perPerson < 1 || perAddress < 1) {
			throw new IllegalArgumentException("gateway.rate-limit.per-person and .per-address must be at least 1"
					+ " (set gateway.rate-limit.enabled=false to count nothing)");
		}
	}

	/** Where the buckets live. */
	public enum Store {

		/** In this gateway's memory: right for one gateway. */
		MEMORY,

		/** In Redis, shared by every gateway that uses the same Redis and key prefix. */
		REDIS

	}

}
