package org.example.restaurant.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.example.restaurant.platform.tokens.VerifiedTokenCache;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTests {

	static final Instant NOW = Instant.parse("2026-12-01T19:00:00Z");

	final List<String> verifications = new ArrayList<>();

	final AtomicLong nanos = new AtomicLong();

	/** Accepts every token but "bad", expiring 15 minutes after NOW. */
	final JwtDecoder verifier = (token) -> {
		this.verifications.add(token);
		if (token.equals("bad")) {
			throw new BadJwtException("bad signature");
		}
		return Jwt.withTokenValue(token).header("alg", "RS256").expiresAt(NOW.plus(Duration.ofMinutes(15))).build();
	};

	final VerifiedTokens tokens = new VerifiedTokens(this.verifier,
			new VerifiedTokenCache(Clock.fixed(NOW, ZoneOffset.UTC), this.nanos::get));

	@Test
	void verifiesEachTokenOnceWhileItLasts() {
		Jwt first = this.tokens.decode("waiter");
		this.nanos.addAndGet(Duration.ofMinutes(14).toNanos());
		Jwt again = this.tokens.decode("waiter");
		this.tokens.decode("cook");

		assertThat(again).isSameAs(first);
		assertThat(this.verifications).containsExactly("waiter", "cook");
	}

	@Test
	void asksTheVerifierAgainOnceTheTokenHasExpired() {
		this.tokens.decode("waiter");
		this.nanos.addAndGet(Duration.ofMinutes(15).plusNanos(1).toNanos());
		this.tokens.decode("waiter");

		assertThat(this.verifications).containsExactly("waiter", "waiter");
	}

	@Test
	void remembersNoRefusedToken() {
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.tokens.decode("bad"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.tokens.decode("bad"));

		assertThat(this.verifications).containsExactly("bad", "bad");
	}

}
