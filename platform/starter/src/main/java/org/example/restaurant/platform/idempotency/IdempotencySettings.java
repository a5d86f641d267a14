package org.example.restaurant.platform.idempotency;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of {@code Idempotency-Key} handling ({@code restaurant.idempotency.*}).
 *
 * @param enabled whether the service honours {@code Idempotency-Key} (default
 * {@code false}): {@code true} gives it {@link IdempotentRequests} and the
 * {@code idempotency_record} table
 * @param retention how long a key is kept after its first request, {@code 24h} by
 * default: a repeat within that time is answered from the record; after it, the purge
 * deletes the record and the key counts as new
 * @param abandonedAfter how long a claim <em>committed</em> in flight may stay before
 * another request with its key may take it over, {@code 1m} by default. Only versions
 * before the claim joined the work's transaction committed such claims (see
 * {@link IdempotentRequests}); one still in flight that long was lost with its process
 * @param purgeInterval how often expired keys are deleted, {@code 1h} by default
 */
@ConfigurationProperties("restaurant.idempotency")
@Validated
public record IdempotencySettings(@DefaultValue("false") boolean enabled,
		@DefaultValue("24h") @NotNull Duration retention, @DefaultValue("1m") @NotNull Duration abandonedAfter,
		@DefaultValue("1h") @NotNull Duration purgeInterval) {

}
