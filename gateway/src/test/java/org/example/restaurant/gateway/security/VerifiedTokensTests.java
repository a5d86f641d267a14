package org.example.restaurant.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTests {

	static final Instant NOW = Instant.parse("2026-12-01T19:00:00Z");

	final List<String> checked = new CopyOnWriteArrayList<>();

	final AtomicLong nanos = new AtomicLong();

	/** Accepts every token but "bad"; each lasts 15 minutes from NOW. */
	final ReactiveJwtDecoder verifier = (token) -> Mono.fromCallable(() -> {
		this.checked.add(token);
		if (token.equals("bad")) {
			throw new BadJwtException("bad signature");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject(token)
			.issuedAt(NOW)
			.expiresAt(NOW.plus(Duration.ofMinutes(15)))
			.build();
	});

	final VerifiedTokens tokens = new VerifiedTokens(this.verifier, Clock.fixed(NOW, ZoneOffset.UTC), this.nanos::get);

	@Test
	void checksATokenOnceUntilItExpires() {
		Jwt first = this.tokens.decode("waiter").block();
		this.nanos.addAndGet(Duration.ofMinutes(14).toNanos());
		assertThat(this.tokens.decode("waiter").block()).isSameAs(first);
		assertThat(this.checked).containsExactly("waiter");

		this.nanos.addAndGet(Duration.ofMinutes(1).plusNanos(1).toNanos());
		this.tokens.decode("waiter").block();
		assertThat(this.checked).containsExactly("waiter", "waiter");
	}

	@Test
	void checksARefusedTokenAgainEachTime() {
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.tokens.decode("bad").block());
		}
		assertThat(this.checked).containsExactly("bad", "bad");
	}

}
