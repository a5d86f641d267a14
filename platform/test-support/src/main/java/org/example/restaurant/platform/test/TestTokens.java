package org.example.restaurant.platform.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Tokens as the staff-service makes them (docs/security.md), signed with a key of the
 * tests' own, for tests that call a service over HTTP. {@link Decoder} makes the service
 * check tokens against that key instead of fetching the staff-service's keys.
 */
public final class TestTokens {

	/** The issuer of the tests' tokens, the platform's default. */
	public static final String ISSUER = "http://staff-service";

	private static final RSAKey KEY = generate();

	private static final RSAKey OTHER_KEY = generate();

	private TestTokens() {
	}

	/**
	 * A staff member's token, valid for 15 minutes.
	 * @param number the staff number (the subject)
	 * @param roles the roles, such as {@code "WAITER"}
	 * @return the signed token
	 */
	public static String staff(String number, String... roles) {
		return token(
				(claims) -> claims.subject(number).claim("name", "Staff " + number).claim("roles", List.of(roles)));
	}

	/**
	 * A service's token, valid for 15 minutes.
	 * @param client the client id (the subject)
	 * @param scopes its scopes, such as {@code "bills.open"}
	 * @return the signed token
	 */
	public static String service(String client, String... scopes) {
		return token((claims) -> claims.subject(client).claim("scope", List.of(scopes)));
	}

	/**
	 * A token with claims of the test's own, signed with the tests' key.
	 * @param claims sets the claims over the defaults (issuer, issued now, expiring in 15
	 * minutes)
	 * @return the signed token
	 */
	public static String token(Consumer<JwtClaimsSet.Builder> claims) {
		return sign(KEY, claims);
	}

	/**
	 * A token signed with another key than the one the services trust.
	 * @param claims as for {@link #token}
	 * @return the signed token
	 */
	public static String signedByAnotherKey(Consumer<JwtClaimsSet.Builder> claims) {
		return sign(OTHER_KEY, claims);
	}

	/**
	 * A decoder that trusts the tests' key and checks the issuer and the expiry, as a
	 * service's does.
	 * @return the decoder
	 */
	public static JwtDecoder decoder() {
		try {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
			decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
			return decoder;
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(RSAKey key, Consumer<JwtClaimsSet.Builder> claims) {
		Instant now = Instant.now();
		JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofMinutes(15)));
		claims.accept(builder);
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
		return encoder.encode(JwtEncoderParameters.from(header, builder.build())).getTokenValue();
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Import into a test's context: the service checks tokens with {@link #decoder()}.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Decoder {

		@Bean
		JwtDecoder jwtDecoder() {
			return decoder();
		}

	}

}
