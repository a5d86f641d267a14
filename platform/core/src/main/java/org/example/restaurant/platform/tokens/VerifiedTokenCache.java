package org.example.restaurant.platform.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens a decoder has verified, remembered until they expire, so that the many calls one
 * token makes in its 15 minutes are checked once: a token's signature check (RS256) was
 * the largest single cost of a call in the benchmark, in the gateway and in the services
 * alike (docs/performance.md). The servlet services' decoder
 * ({@code platform.security.VerifiedTokens}) and the gateway's reactive one both keep
 * their tokens here.
 * <p>
 * Only a token its decoder accepted (signature, issuer, expiry) may be remembered; a
 * refused one is never, so it is checked again each time. A remembered token is forgotten
 * at its {@code exp}, never later, so it is trusted exactly as long as it would be
 * without the cache. At most {@value #MAXIMUM} tokens are kept.
 */
public final class VerifiedTokenCache {

	/**
	 * Staff and services on shift hold a few dozen tokens; the bound keeps memory small.
	 */
	public static final int MAXIMUM = 1_000;

	private final Cache<String, Jwt> verified;

	/**
	 * A cache on the system clock.
	 */
	public VerifiedTokenCache() {
		this(Clock.systemUTC(), Ticker.systemTicker());
	}

	/**
	 * A cache on the given clocks.
	 * @param clock tells a token's time left at the moment it is remembered
	 * @param ticker measures that time running out
	 */
	public VerifiedTokenCache(Clock clock, Ticker ticker) {
		this(clock, ticker, ForkJoinPool.commonPool());
	}

	VerifiedTokenCache(Clock clock, Ticker ticker, Executor maintenance) {
		this.verified = Caffeine.newBuilder()
			.executor(maintenance)
			.maximumSize(MAXIMUM)
			.ticker(ticker)
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt, clock.instant())))
			.build();
	}

	/**
	 * A token verified before, if it has not expired since.
	 * @param token the encoded token
	 * @return the verified token, or {@code null} when it has to be verified
	 */
	public Jwt verified(String token) {
		return this.verified.getIfPresent(token);
	}

	/**
	 * Remembers a token its decoder has just accepted, until its {@code exp}.
	 * @param jwt the verified token
	 * @return the same token
	 */
	public Jwt remember(Jwt jwt) {
		this.verified.put(jwt.getTokenValue(), jwt);
		return jwt;
	}

	private static Duration untilExpiry(Jwt jwt, Instant now) {
		Instant expiresAt = jwt.getExpiresAt();
		return (expiresAt != null && expiresAt.isAfter(now)) ? Duration.between(now, expiresAt) : Duration.ZERO;
	}

}
