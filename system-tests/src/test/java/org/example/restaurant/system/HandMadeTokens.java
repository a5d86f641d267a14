package org.example.restaurant.system;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.time.Instant;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JWTs made by hand, for the scenarios of refused tokens only: Nimbus is not on the
 * system tests' classpath, and a test that forges tokens must not lean on the library
 * that checks them anyway. {@code header.payload.signature}, each part base64url without
 * padding, RS256 = {@code SHA256withRSA} over {@code header.payload} (RFC 7515, 7518).
 * <p>
 * The services never do this: they issue and check tokens with Spring Security.
 */
final class HandMadeTokens {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

	private HandMadeTokens() {
	}

	/** The header of a token (its first part), as JSON. */
	static ObjectNode header(String token) {
		return (ObjectNode) Restaurant.json.readTree(BASE64URL_DECODER.decode(token.split("\\.")[0]));
	}

	/** The claims of a token (its second part), as JSON. */
	static ObjectNode claims(String token) {
		return (ObjectNode) Restaurant.json.readTree(BASE64URL_DECODER.decode(token.split("\\.")[1]));
	}

	/** A token of these claims, its header {@code alg: RS256}, signed with the key. */
	static String signed(ObjectNode header, ObjectNode claims, PrivateKey key) {
		ObjectNode rs256 = header.deepCopy().put("alg", "RS256");
		String signingInput = part(rs256) + "." + part(claims);
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(key);
			signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + "." + BASE64URL.encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A token of these claims, its header {@code alg: none}, and no signature. */
	static String unsigned(ObjectNode header, ObjectNode claims) {
		ObjectNode none = header.deepCopy().put("alg", "none");
		none.remove("kid");
		return part(none) + "." + part(claims) + ".";
	}

	/**
	 * The token with its claims changed, and the original signature kept (which no longer
	 * matches).
	 */
	static String withClaims(String token, ObjectNode claims) {
		String[] parts = token.split("\\.");
		return parts[0] + "." + part(claims) + "." + parts[2];
	}

	/** The token with one character of its signature changed. */
	static String withSignatureChanged(String token) {
		String[] parts = token.split("\\.");
		char[] signature = parts[2].toCharArray();
		// a character from the middle: every bit of it counts (the last may be padding)
		int i = signature.length / 2;
		signature[i] = (signature[i] == 'A') ? 'B' : 'A';
		return parts[0] + "." + parts[1] + "." + new String(signature);
	}

	/** The claims, issued now and expiring in {@code seconds} (negative: expired). */
	static ObjectNode expiringIn(ObjectNode claims, long seconds) {
		Instant now = Instant.now();
		ObjectNode changed = claims.deepCopy();
		changed.put("iat", Math.min(now.getEpochSecond(), now.getEpochSecond() + seconds - 60));
		changed.put("exp", now.getEpochSecond() + seconds);
		changed.remove("nbf");
		return changed;
	}

	/** A new RSA 2048 private key: the test's own, which no one trusts. */
	static PrivateKey ownKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair().getPrivate();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The staff-service's signing key, read from its JWK set file in the run folder
	 * ({@code <runDir>/data/keys/jwks.json}, the first key signs): for tokens that are
	 * well signed and wrong in one claim only (another issuer, expired), and the control
	 * that a token made here with the right claims is accepted.
	 */
	static SigningKey staffServiceKey(Restaurant restaurant) {
		Path file = restaurant.runDir().resolve("data").resolve("keys").resolve("jwks.json");
		try {
			JsonNode key = Restaurant.json.readTree(Files.readString(file)).path("keys").get(0);
			RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(number(key, "n"), number(key, "e"), number(key, "d"),
					number(key, "p"), number(key, "q"), number(key, "dp"), number(key, "dq"), number(key, "qi"));
			return new SigningKey(key.path("kid").asString(), KeyFactory.getInstance("RSA").generatePrivate(spec));
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("cannot read the signing key in " + file, ex);
		}
	}

	private static BigInteger number(JsonNode key, String member) {
		return new BigInteger(1, BASE64URL_DECODER.decode(key.path(member).asString()));
	}

	private static String part(JsonNode json) {
		return BASE64URL.encodeToString(Restaurant.json.writeValueAsBytes(json));
	}

	/** A private key and its {@code kid}. */
	record SigningKey(String kid, PrivateKey key) {

	}

}
