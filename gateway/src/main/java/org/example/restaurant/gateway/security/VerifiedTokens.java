package org.example.restaurant.gateway.security;

import org.example.restaurant.platform.tokens.VerifiedTokenCache;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The gateway's decoder with the tokens it has verified remembered until they expire
 * ({@link VerifiedTokenCache}, as the servlet services do): every call of a tablet
 * carries the same token for 15 minutes, and its RS256 signature check was the gateway's
 * largest single cost per call in the benchmark (docs/performance.md). Only a token the
 * wrapped decoder accepted is remembered; a failed check is not, so the next call checks
 * again.
 *
 * @param verifier the decoder that checks a token not remembered
 * @param verified the tokens it accepted
 */
record VerifiedTokens(ReactiveJwtDecoder verifier, VerifiedTokenCache verified) implements ReactiveJwtDecoder {

	@Override
	public Mono<Jwt> decode(String token) {
		return Mono.justOrEmpty(this.verified.verified(token))
			.switchIfEmpty(Mono.defer(() -> this.verifier.decode(token).map(this.verified::remember)));
	}

}
