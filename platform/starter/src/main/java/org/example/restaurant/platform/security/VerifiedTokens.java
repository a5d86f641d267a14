package org.example.restaurant.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The tokens this service has verified, remembered until they expire, so that the many
 * calls one token makes in its 15 minutes are checked once: a token's signature check
 * (RS256) was the largest single cost of a call in the benchmark (docs/performance.md). A
 * token is remembered only after the decoder it wraps accepted it (signature, issuer,
 * expiry); a token it refused is asked of it again each time, and a remembered one is
 * forgotten at its {@code exp}, never later. The keys the decoder checks against are kept
 * as long (the JWK set is cached too), so a remembered token is trusted exactly as long
 * as it would be without this.
 */
final class VerifiedTokens implements JwtDecoder {

	/**
	 * Staff and services on shift hold a few dozen tokens; the bound keeps memory small.
	 */
	static final int MAXIMUM = 1_000;

	private final JwtDecoder verifier;

	private final Cache<String, Jwt> verified;

	VerifiedTokens(JwtDecoder verifier) {
		this(verifier, Clock.systemUTC(), Ticker.systemTicker());
	}

	VerifiedTokens(JwtDecoder verifier, Clock clock, Ticker ticker) {
		this.verifier = verifier;
		this.verified = Caffeine.newBuilder()
			.maximumSize(MAXIMUM)
			.ticker(ticker)
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt, clock.instant())))
			.build();
	}

	@Override
	public Jwt decode(String token) {
		Jwt jwt = this.verified.getIfPresent(token);
		if (jwt == null) {
			jwt = this.verifier.decode(token);
			this.verified.put(token, jwt);
		}
		return jwt;
	}

	private static Duration untilExpiry(Jwt jwt, Instant now) {
		Instant expiresAt = jwt.getExpiresAt();
		return (expiresAt != null && expiresAt.isAfter(now)) ? Duration.between(now, expiresAt) : Duration.ZERO;
	}

}
