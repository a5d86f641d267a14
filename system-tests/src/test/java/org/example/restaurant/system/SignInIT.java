package org.example.restaurant.system;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in, through the gateway of the real restaurant, as its demo staff do: what
 * needs no token, what a call without one gets, a role that may not, and the lockout
 * after five wrong PINs in a row. The services' own ports ({@link OwnPortsIT}), refused
 * tokens ({@link RefusedTokensIT}) and the rate limits
 * ({@link RateLimitAndStaffOutageIT}) are scenarios of their own.
 */
@SharedRestaurant
class SignInIT {

	static Restaurant restaurant;

	@Test
	void theMenuAndTheDiscoveryDocumentNeedNoToken() {
		assertThat(restaurant.get("/api/menu").status()).isEqualTo(200);
		Restaurant.Response discovery = restaurant.get("/.well-known/openid-configuration");
		assertThat(discovery.status()).as(discovery.describe()).isEqualTo(200);
		assertThat(discovery.json().path("issuer").asString()).isNotBlank();
		assertThat(discovery.json().path("jwks_uri").asString()).isNotBlank();
	}

	@Test
	void aCallWithoutATokenIsNotSignedIn() {
		for (String path : List.of("/api/orders", "/api/kitchen/tickets", "/api/bills", "/api/staff/me")) {
			Restaurant.Response response = restaurant.get(path);
			assertThat(response.status()).as(path + ": " + response.describe()).isEqualTo(401);
			assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
			assertThat(response.problem().title()).as(path).isEqualTo("Not signed in");
			assertThat(response.header("WWW-Authenticate")).as(path).startsWith("Bearer");
		}
	}

	@Test
	void eachDemoStaffMemberSignsInAndIsWhoTheySay() {
		for (Staff.Role role : Staff.Role.values()) {
			Staff person = restaurant.as(role);
			Restaurant.Response me = restaurant.get("/api/staff/me", person);
			assertThat(me.status()).as(role + ": " + me.describe()).isEqualTo(200);
			assertThat(me.json().path("staffNumber").asString()).isEqualTo(person.number());
			assertThat(me.json().path("roles").toString()).contains(role.name());
		}
	}

	/**
	 * A staff token is the contract's (docs/security.md): a JWT signed with RS256 and a
	 * {@code kid}, the issuer, the staff number as subject, the roles, no scope, and a
	 * lifetime of 15 minutes, as {@code expiresIn} says.
	 */
	@Test
	void aStaffTokenIsAShortLivedJwtOfTheStaffService() {
		Restaurant.Response signIn = signIn("101", "1111");
		assertThat(signIn.status()).as(signIn.describe()).isEqualTo(200);
		assertThat(signIn.header("Cache-Control")).contains("no-store");
		assertThat(signIn.json().path("tokenType").asString()).isEqualTo("Bearer");
		assertThat(signIn.json().path("expiresIn").asLong()).isEqualTo(15 * 60);
		assertThat(signIn.json().path("staff").path("staffNumber").asString()).isEqualTo("101");
		String token = signIn.json().path("accessToken").asString();
		assertThat(HandMadeTokens.header(token).path("alg").asString()).isEqualTo("RS256");
		assertThat(HandMadeTokens.header(token).path("kid").asString()).isNotBlank();
		JsonNode claims = HandMadeTokens.claims(token);
		assertThat(claims.path("iss").asString()).isEqualTo("http://staff-service");
		assertThat(claims.path("sub").asString()).isEqualTo("101");
		assertThat(claims.path("roles").toString()).isEqualTo("[\"WAITER\"]");
		assertThat(claims.has("scope")).isFalse();
		assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(15 * 60);
	}

	/** An unknown number gets a 401 problem and no token. */
	@Test
	void anUnknownNumberIsNotSignedIn() {
		// a number no demo member has, so that no one's lockout counter moves
		Restaurant.Response unknown = signIn("9991", "1111");
		assertThat(unknown.status()).as(unknown.describe()).isEqualTo(401);
		assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
		assertThat(unknown.body()).doesNotContain("accessToken");
	}

	@Test
	void aRoleThatMayNotIsRefused() {
		Restaurant.Response waiterPays = restaurant.post(Till.paymentsOf("00000000-0000-4000-8000-000000000000"),
				Till.PaymentRequest.card(new BigDecimal("1.00")).json(), restaurant.as(Staff.Role.WAITER));
		assertThat(waiterPays.status()).as(waiterPays.describe()).isEqualTo(403);
		assertThat(waiterPays.problem().title()).isEqualTo("Not allowed");
		Restaurant.Response cookChangesTheMenu = restaurant.send("PATCH", "/api/menu/margherita", "application/json",
				"{\"available\": false}", restaurant.as(Staff.Role.COOK));
		assertThat(cookChangesTheMenu.status()).as(cookChangesTheMenu.describe()).isEqualTo(403);
		assertThat(restaurant.waiter().menu()).filteredOn((item) -> item.id().equals("margherita"))
			.allMatch(Waiter.MenuItem::available);
	}

	/**
	 * Five wrong PINs in a row lock a number (docs/api.md): the first four answer 401 as
	 * any wrong PIN does, the fifth 429 with {@code Retry-After}, and then even the right
	 * PIN is refused while the number is locked. An unknown number answers exactly as a
	 * wrong PIN does, so that the answers tell no one which numbers exist. The person is
	 * one the manager adds for this scenario, never the demo manager (901), whom the
	 * launcher's readiness check signs in.
	 */
	@Test
	void fiveWrongPinsLockTheNumberAndAnUnknownNumberAnswersAsAWrongPin() {
		String number = String.valueOf(800000 + new SecureRandom().nextInt(100000));
		Staff newcomer = restaurant.manager().add(number, "Lockout Lou", "4242", Staff.Role.WAITER);
		assertThat(restaurant.get("/api/staff/me", newcomer).status()).as("signs in with the right PIN").isEqualTo(200);

		List<Restaurant.Response> wrong = new ArrayList<>();
		for (int attempt = 1; attempt <= 5; attempt++) {
			wrong.add(signIn(number, "0000"));
		}
		for (Restaurant.Response refused : wrong.subList(0, 4)) {
			assertThat(refused.status()).as(refused.describe()).isEqualTo(401);
			assertThat(refused.problem().title()).isEqualTo("Not signed in");
			assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
			assertThat(refused.body()).doesNotContain("accessToken");
		}
		Restaurant.Response fifth = wrong.get(4);
		assertTooManyAttempts(fifth);

		Restaurant.Response rightPin = signIn(number, "4242");
		assertTooManyAttempts(rightPin);
		assertThat(Integer.parseInt(rightPin.header("Retry-After")))
			.isLessThanOrEqualTo(Integer.parseInt(fifth.header("Retry-After")));

		// An unknown number: the same answer as a wrong PIN, status, headers and problem.
		Restaurant.Response wrongPin = wrong.get(0);
		Restaurant.Response unknown = signIn(String.valueOf(900000 + new SecureRandom().nextInt(99999)), "0000");
		assertThat(unknown.status()).as(unknown.describe()).isEqualTo(wrongPin.status());
		assertThat(unknown.header("WWW-Authenticate")).isEqualTo(wrongPin.header("WWW-Authenticate"));
		assertThat(unknown.header("Content-Type")).isEqualTo(wrongPin.header("Content-Type"));
		assertThat(unknown.problem()).isEqualTo(wrongPin.problem());
	}

	private static Restaurant.Response signIn(String number, String pin) {
		return restaurant.post("/api/staff/login", "{\"staffNumber\": \"" + number + "\", \"pin\": \"" + pin + "\"}");
	}

	private static void assertTooManyAttempts(Restaurant.Response response) {
		assertThat(response.status()).as(response.describe()).isEqualTo(429);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.problem().title()).isEqualTo("Too many requests");
		assertThat(response.header("Retry-After")).as(response.headers().toString()).matches("[1-9][0-9]*");
		assertThat(Integer.parseInt(response.header("Retry-After"))).isLessThanOrEqualTo(5 * 60);
		assertThat(response.body()).doesNotContain("accessToken");
	}

}
