package org.example.restaurant.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.example.restaurant.platform.tokens.VerifiedTokenCache;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The gateway's reactive decoder over the platform's {@link VerifiedTokenCache} (whose
 * expiry rules its own tests pin): a token the wrapped decoder accepted is checked once,
 * a refused one each time.
 */
class VerifiedTokensTests {

	final List<String> checked = new CopyOnWriteArrayList<>();

	final VerifiedTokens tokens = new VerifiedTokens((token) -> Mono.fromCallable(() -> {
		this.checked.add(token);
		if (token.equals("bad")) {
			throw new BadJwtException("bad signature");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.expiresAt(Instant.now().plus(Duration.ofMinutes(15)))
			.build();
	}), new VerifiedTokenCache());

	@Test
	void checksATokenOnceWhileItLasts() {
		Jwt first = this.tokens.decode("waiter").block();

		assertThat(this.tokens.decode("waiter").block()).isSameAs(first);
		assertThat(this.checked).containsExactly("waiter");
	}

	@Test
	void checksARefusedTokenAgainEachTime() {
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.tokens.decode("bad").block());
		}
		assertThat(this.checked).containsExactly("bad", "bad");
	}

}
