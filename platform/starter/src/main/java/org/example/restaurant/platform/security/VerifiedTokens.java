package org.example.restaurant.platform.security;

import org.example.restaurant.platform.tokens.VerifiedTokenCache;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The service's decoder with the tokens it has verified remembered until they expire
 * ({@link VerifiedTokenCache}): a token is remembered only after the decoder it wraps
 * accepted it (signature, issuer, expiry); a token it refused is asked of it again each
 * time. The keys the decoder checks against are kept as long (the JWK set is cached too),
 * so a remembered token is trusted exactly as long as it would be without this.
 *
 * @param verifier the decoder that checks a token not remembered
 * @param verified the tokens it accepted
 */
record VerifiedTokens(JwtDecoder verifier, VerifiedTokenCache verified) implements JwtDecoder {

	@Override
	public Jwt decode(String token) {
		Jwt jwt = this.verified.verified(token);
		return (jwt != null) ? jwt : this.verified.remember(this.verifier.decode(token));
	}

}
