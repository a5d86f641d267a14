package org.example.restaurant.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.example.restaurant.system.HandMadeTokens.SigningKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens that are not the staff-service's, or no longer good, are refused with 401
 * {@code invalid_token} by the gateway and by every service on its own port: a token
 * changed after it was signed (its claims, or its signature), {@code alg: none}, garbage,
 * one signed with a key of the test's own (with the staff-service's {@code kid} and with
 * one of its own), one of another issuer, one that expired.
 * <p>
 * The forged tokens are made by hand ({@link HandMadeTokens}) from a real token's header
 * and claims. Those that must be well signed and wrong in one claim only (another issuer,
 * expired an hour ago, past any clock skew) are signed with the staff-service's own key,
 * read from the run folder; a token made so with the right claims is accepted at every
 * door, which shows that the refusals are about the one thing changed.
 */
@SharedRestaurant
class RefusedTokensIT {

	static Restaurant restaurant;

	/** The doors, and a call each that a waiter may make there. */
	private static Map<Door, String> doors() {
		Map<Door, String> doors = new LinkedHashMap<>();
		doors.put(Door.gateway(restaurant), "/api/orders");
		doors.put(Door.orderService(restaurant), "/api/orders");
		doors.put(Door.kitchenReplica(restaurant), "/api/kitchen/tickets");
		doors.put(Door.cashierService(restaurant), "/api/bills");
		doors.put(Door.staffService(restaurant), "/api/staff/me");
		return doors;
	}

	@Test
	void aTokenMadeWithTheStaffServicesKeyAndTheRightClaimsIsAccepted() {
		String real = waitersToken();
		SigningKey key = HandMadeTokens.staffServiceKey(restaurant);
		assertThat(HandMadeTokens.header(real).path("kid").asString()).as("the first key signs").isEqualTo(key.kid());
		String remade = HandMadeTokens.signed(HandMadeTokens.header(real),
				HandMadeTokens.expiringIn(HandMadeTokens.claims(real), 600), key.key());
		doors().forEach((door, path) -> {
			Restaurant.Response response = door.get(path, remade);
			assertThat(response.status()).as(door + " " + path + ": " + response.describe()).isEqualTo(200);
		});
	}

	@Test
	void tamperedTokensAreRefused() {
		String real = waitersToken();
		ObjectNode promoted = HandMadeTokens.claims(real);
		promoted.putArray("roles").add("MANAGER");
		assertInvalidEverywhere("claims changed (WAITER -> MANAGER), signature kept",
				HandMadeTokens.withClaims(real, promoted));
		assertInvalidEverywhere("one character of the signature changed", HandMadeTokens.withSignatureChanged(real));
		assertInvalidEverywhere("no signature at all", real.substring(0, real.lastIndexOf('.') + 1));
	}

	@Test
	void anUnsignedTokenIsRefused() {
		String real = waitersToken();
		assertInvalidEverywhere("alg: none",
				HandMadeTokens.unsigned(HandMadeTokens.header(real), HandMadeTokens.claims(real)));
	}

	@Test
	void garbageIsRefused() {
		for (String garbage : List.of("garbage", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.AAAA")) {
			assertInvalidEverywhere("garbage " + garbage, garbage);
		}
	}

	@Test
	void aTokenSignedWithAKeyOfItsOwnIsRefused() {
		String real = waitersToken();
		ObjectNode claims = HandMadeTokens.expiringIn(HandMadeTokens.claims(real), 600);
		// the staff-service's kid, so that the signature is checked against its key
		assertInvalidEverywhere("signed with another key, the staff-service's kid",
				HandMadeTokens.signed(HandMadeTokens.header(real), claims, HandMadeTokens.ownKey()));
		// a kid of its own: the services fetch the key set again, and find no such key
		assertInvalidEverywhere("signed with another key, a kid of its own", HandMadeTokens
			.signed(HandMadeTokens.header(real).put("kid", "the-tests-own-key"), claims, HandMadeTokens.ownKey()));
	}

	@Test
	void aTokenOfAnotherIssuerIsRefused() {
		String real = waitersToken();
		ObjectNode claims = HandMadeTokens.expiringIn(HandMadeTokens.claims(real), 600)
			.put("iss", "http://evil.example");
		SigningKey key = HandMadeTokens.staffServiceKey(restaurant);
		assertInvalidEverywhere("iss http://evil.example",
				HandMadeTokens.signed(HandMadeTokens.header(real), claims, key.key()));
	}

	/** Expired an hour ago: past the minute of clock skew the checks allow. */
	@Test
	void anExpiredTokenIsRefused() {
		String real = waitersToken();
		SigningKey key = HandMadeTokens.staffServiceKey(restaurant);
		assertInvalidEverywhere("expired an hour ago", HandMadeTokens.signed(HandMadeTokens.header(real),
				HandMadeTokens.expiringIn(HandMadeTokens.claims(real), -3600), key.key()));
	}

	private static String waitersToken() {
		return Door.freshToken(restaurant.as(Staff.Role.WAITER));
	}

	/**
	 * 401 problem {@code Not signed in} and
	 * {@code WWW-Authenticate: Bearer error="invalid_token"} at every door.
	 */
	private static void assertInvalidEverywhere(String what, String token) {
		doors().forEach((door, path) -> {
			Restaurant.Response response = door.get(path, token);
			String answer = what + " at " + door + " " + path + ": " + response.status() + " " + response.headers()
					+ " " + response.body();
			assertThat(response.status()).as(answer).isEqualTo(401);
			assertThat(response.header("Content-Type")).as(answer).startsWith("application/problem+json");
			assertThat(response.problem().title()).as(answer).isEqualTo("Not signed in");
			assertThat(response.header("WWW-Authenticate")).as(answer)
				.startsWith("Bearer")
				.contains("error=\"invalid_token\"");
		});
	}

}
