package org.example.restaurant.gateway;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens as the staff-service signs them (docs/security.md), made in the test with a test
 * RSA key whose public half {@link #jwks()} publishes; and the bad kinds a gateway must
 * refuse.
 */
public final class TestTokens {

	public static final String ISSUER = "http://staff-service";

	private static final KeyPair KEY = generate();

	private static final KeyPair OTHER_KEY = generate();

	private static final String KID = "test-key";

	private TestTokens() {
	}

	/** The staff-service's key set: the test key's public half. */
	public static String jwks() {
		return new JWKSet(new RSAKey.Builder((RSAPublicKey) KEY.getPublic()).keyID(KID).build()).toString();
	}

	/**
	 * A staff token, valid for 15 minutes.
	 * @param staffNumber the {@code sub}
	 * @param roles its {@code roles}
	 * @return the signed token
	 */
	public static String staff(String staffNumber, String... roles) {
		return sign(KEY, KID, staffClaims(staffNumber, roles).build());
	}

	public static String waiter() {
		return staff("101", "WAITER");
	}

	public static String cook() {
		return staff("201", "COOK");
	}

	public static String cashier() {
		return staff("301", "CASHIER");
	}

	public static String manager() {
		return staff("901", "MANAGER");
	}

	/** A staff token whose lifetime ended a minute ago (past the decoder's leeway). */
	public static String expired() {
		Instant issued = Instant.now().minus(Duration.ofMinutes(20));
		return sign(KEY, KID,
				staffClaims("101", "WAITER").issueTime(Date.from(issued))
					.expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(2))))
					.build());
	}

	/** A staff token from another issuer, signed with the right key. */
	public static String otherIssuer() {
		return sign(KEY, KID, staffClaims("101", "WAITER").issuer("http://elsewhere").build());
	}

	/** A staff token signed with another key under the same {@code kid}. */
	public static String otherKey() {
		return sign(OTHER_KEY, KID, staffClaims("101", "WAITER").build());
	}

	/** A waiter's token whose claims were changed to a manager's after signing. */
	public static String tampered() {
		String[] parts = waiter().split("\\.");
		String claims = staffClaims("101", "MANAGER").build().toString();
		return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "."
				+ parts[2];
	}

	/** A manager's token with {@code alg: none}: no signature at all. */
	public static String unsigned() {
		return new PlainJWT(staffClaims("901", "MANAGER").build()).serialize();
	}

	/** A service token: client credentials, a {@code scope}, no {@code roles}. */
	public static String service(String clientId, String scope) {
		Instant now = Instant.now();
		return sign(KEY, KID,
				new JWTClaimsSet.Builder().issuer(ISSUER)
					.subject(clientId)
					.claim("scope", scope)
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
					.build());
	}

	private static JWTClaimsSet.Builder staffClaims(String staffNumber, String... roles) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(staffNumber)
			.claim("name", "Staff " + staffNumber)
			.claim("roles", List.of(roles))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
	}

	private static String sign(KeyPair key, String kid, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
			jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
