package org.example.restaurant.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The tokens the gateway has verified, remembered until they expire: every call of a
 * tablet carries the same token for 15 minutes, and its RS256 signature check was the
 * gateway's largest single cost per call in the benchmark (docs/performance.md). Only a
 * token the wrapped decoder accepted is remembered (a failed check is not: the next call
 * checks again), and only until its {@code exp}. The servlet services do the same with
 * the platform's decoder.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder verifier;

	private final AsyncCache<String, Jwt> verified;

	VerifiedTokens(ReactiveJwtDecoder verifier) {
		this(verifier, Clock.systemUTC(), Ticker.systemTicker());
	}

	VerifiedTokens(ReactiveJwtDecoder verifier, Clock clock, Ticker ticker) {
		this.verifier = verifier;
		this.verified = Caffeine.newBuilder()
			// staff and services on shift hold a few dozen tokens; the bound keeps memory
			// small
			.maximumSize(1_000)
			.ticker(ticker)
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> {
				Instant now = clock.instant();
				Instant expiresAt = jwt.getExpiresAt();
				return (expiresAt != null && expiresAt.isAfter(now)) ? Duration.between(now, expiresAt) : Duration.ZERO;
			}))
			.buildAsync();
	}

	@Override
	public Mono<Jwt> decode(String token) {
		return Mono.fromFuture(() -> this.verified.get(token, (key, executor) -> this.verifier.decode(key).toFuture()),
				true);
	}

}
