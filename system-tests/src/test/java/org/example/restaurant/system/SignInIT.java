package org.example.restaurant.system;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in, through the gateway of the real restaurant, as its demo staff do: what
 * needs no token, what a call without one gets, and a role that may not. A scaffold: the
 * whole route x role matrix, refused tokens, the lockout and the rate limits are
 * scenarios of their own.
 */
@ExtendWith(RestaurantExtension.class)
class SignInIT {

	static Restaurant restaurant;

	@BeforeAll
	static void openTheRestaurant(Restaurant shared) {
		restaurant = shared;
	}

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

	/** An unknown number gets a 401 problem and no token. */
	@Test
	void anUnknownNumberIsNotSignedIn() {
		// a number no demo member has, so that no one's lockout counter moves
		Restaurant.Response unknown = restaurant.post("/api/staff/login",
				"{\"staffNumber\": \"9991\", \"pin\": \"1111\"}");
		assertThat(unknown.status()).as(unknown.describe()).isEqualTo(401);
		assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
		assertThat(unknown.body()).doesNotContain("accessToken");
	}

	@Test
	void aRoleThatMayNotIsRefused() {
		Restaurant.Response waiterPays = restaurant.post(Till.paymentsOf("00000000-0000-4000-8000-000000000000"),
				Till.PaymentRequest.card(new java.math.BigDecimal("1.00")).json(), restaurant.as(Staff.Role.WAITER));
		assertThat(waiterPays.status()).as(waiterPays.describe()).isEqualTo(403);
		assertThat(waiterPays.problem().title()).isEqualTo("Not allowed");
		Restaurant.Response cookChangesTheMenu = restaurant.send("PATCH", "/api/menu/margherita", "application/json",
				"{\"available\": false}", restaurant.as(Staff.Role.COOK));
		assertThat(cookChangesTheMenu.status()).as(cookChangesTheMenu.describe()).isEqualTo(403);
		assertThat(restaurant.waiter().menu()).filteredOn((item) -> item.id().equals("margherita"))
			.allMatch(Waiter.MenuItem::available);
	}

}
