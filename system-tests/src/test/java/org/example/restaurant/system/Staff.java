package org.example.restaurant.system;

import java.time.Duration;
import java.util.Objects;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A member of staff of a running {@link Restaurant}: a staff number and a PIN, and the
 * access token the last sign-in gave ({@code POST /api/staff/login}). The token is asked
 * for when first needed and again when the gateway answers 401, since a token lives 15
 * minutes and the scenarios run longer; {@link Restaurant#get(String, Staff)} and the
 * other calls that take a {@code Staff} do that. Shared by threads: one sign-in at a
 * time.
 */
final class Staff {

	/** How long a sign-in may wait for the staff-service (it may be starting again). */
	private static final Duration SIGN_IN = Duration.ofSeconds(60);

	private final Restaurant restaurant;

	private final String number;

	private final String pin;

	private volatile String token;

	Staff(Restaurant restaurant, String number, String pin) {
		this.restaurant = restaurant;
		this.number = number;
		this.pin = pin;
	}

	/**
	 * The staff number, as orders ({@code placedBy}) and payments ({@code takenBy}) show
	 * it.
	 */
	String number() {
		return this.number;
	}

	/** The current token, after signing in if there is none yet. */
	String token() {
		String current = this.token;
		return (current != null) ? current : renew(null);
	}

	/**
	 * Signs in again unless someone already did since {@code stale} was handed out (a 401
	 * seen by several threads at once signs in once), and returns the new token.
	 */
	synchronized String renew(String stale) {
		if (this.token != null && !Objects.equals(this.token, stale)) {
			return this.token;
		}
		this.token = signIn();
		return this.token;
	}

	/**
	 * {@code POST /api/staff/login}; it must succeed. A 5xx (the staff-service or the
	 * gateway coming back) and a 429 are asked again; a 401 fails at once.
	 */
	private String signIn() {
		ObjectNode credentials = Restaurant.json.createObjectNode()
			.put("staffNumber", this.number)
			.put("pin", this.pin);
		String body = Restaurant.json.writeValueAsString(credentials);
		Restaurant.Response answer = await("staff " + this.number + " to sign in").atMost(SIGN_IN)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.restaurant.post("/api/staff/login", body),
					(response) -> response.status() < 500 && response.status() != 429);
		assertThat(answer.status()).as("sign-in of staff " + this.number + ": " + answer.describe()).isEqualTo(200);
		String accessToken = answer.json().path("accessToken").asString();
		assertThat(accessToken).as("accessToken of " + answer.body()).isNotBlank();
		return accessToken;
	}

	@Override
	public String toString() {
		return "staff " + this.number;
	}

	/** The roles of docs/api.md; a manager may do everything. */
	enum Role {

		WAITER, COOK, CASHIER, MANAGER;

		/**
		 * Who of the staff makes a call through the gateway, by its method and path
		 * (docs/api.md, the "who" column); {@code null} for the calls anyone may make
		 * (reading the menu, signing in). Anything the API does not list (an unknown
		 * path, {@code /internal/**}, a method a path does not take) is asked by the
		 * manager, who passes every role check, so that what is seen is the service's
		 * answer.
		 */
		static Role forCall(String method, String path) {
			boolean read = method.equals("GET") || method.equals("HEAD");
			if (path.equals("/api/menu") || path.startsWith("/api/menu/") || path.startsWith("/api/menu?")) {
				return read ? null : MANAGER;
			}
			if (path.startsWith("/api/staff/login")) {
				return null;
			}
			if (path.equals("/api/orders") && method.equals("DELETE")) {
				return MANAGER;
			}
			if (path.matches("/api/orders/[^/?]+") && !read) {
				return MANAGER;
			}
			if (path.startsWith("/api/orders")) {
				return WAITER;
			}
			if (path.equals("/api/kitchen/tickets") && !read) {
				return MANAGER;
			}
			if (path.startsWith("/api/kitchen/")) {
				return COOK;
			}
			if (path.startsWith("/api/bills") || path.startsWith("/api/reports/")) {
				return CASHIER;
			}
			return MANAGER;
		}

	}

}
