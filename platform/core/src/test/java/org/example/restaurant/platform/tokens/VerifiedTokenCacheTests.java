package org.example.restaurant.platform.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokenCacheTests {

	static final Instant NOW = Instant.parse("2026-12-01T19:00:00Z");

	final AtomicLong nanos = new AtomicLong();

	final VerifiedTokenCache cache = new VerifiedTokenCache(Clock.fixed(NOW, ZoneOffset.UTC), this.nanos::get,
			Runnable::run);

	@Test
	void remembersATokenUntilItsExpiryAndNotAtIt() {
		Jwt waiter = this.cache.remember(lasting("waiter", Duration.ofMinutes(15)));

		this.nanos.addAndGet(Duration.ofMinutes(15).minusNanos(1).toNanos());
		assertThat(this.cache.verified("waiter")).isSameAs(waiter);
		this.nanos.addAndGet(1);
		assertThat(this.cache.verified("waiter")).isNull();
	}

	@Test
	void keepsNoTokenThatHasExpiredOrHasNoExpiry() {
		this.cache.remember(lasting("expired", Duration.ofSeconds(-1)));
		this.cache.remember(Jwt.withTokenValue("forever").header("alg", "RS256").subject("forever").build());

		assertThat(this.cache.verified("expired")).isNull();
		assertThat(this.cache.verified("forever")).isNull();
		assertThat(this.cache.verified("never-seen")).isNull();
	}

	@Test
	void keepsAtMostAThousandTokens() {
		IntStream.range(0, 3 * VerifiedTokenCache.MAXIMUM)
			.forEach((i) -> this.cache.remember(lasting("token-" + i, Duration.ofMinutes(15))));

		long kept = IntStream.range(0, 3 * VerifiedTokenCache.MAXIMUM)
			.filter((i) -> this.cache.verified("token-" + i) != null)
			.count();
		assertThat(kept).isPositive().isLessThanOrEqualTo(VerifiedTokenCache.MAXIMUM);
	}

	static Jwt lasting(String token, Duration duration) {
		return Jwt.withTokenValue(token).header("alg", "RS256").subject(token).expiresAt(NOW.plus(duration)).build();
	}

}
