package org.example.restaurant.system;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

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

	private final Credentials credentials;

	private volatile String token;

	Staff(Restaurant restaurant, String number, String pin) {
		this.restaurant = restaurant;
		this.credentials = new Credentials(number, pin);
	}

	/**
	 * The staff number, as orders ({@code placedBy}) and payments ({@code takenBy}) show
	 * it.
	 */
	String number() {
		return this.credentials.staffNumber();
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
		String body = Restaurant.json.writeValueAsString(this.credentials);
		Restaurant.Response answer = await(this + " to sign in").atMost(SIGN_IN)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.restaurant.post("/api/staff/login", body),
					(response) -> response.status() < 500 && response.status() != 429);
		assertThat(answer.status()).as("sign-in of " + this + ": " + answer.describe()).isEqualTo(200);
		String accessToken = answer.json().path("accessToken").asString();
		assertThat(accessToken).as("accessToken of " + answer.body()).isNotBlank();
		return accessToken;
	}

	@Override
	public String toString() {
		return "staff " + number();
	}

	/** What signing in sends: the body of {@code POST /api/staff/login}. */
	record Credentials(String staffNumber, String pin) {
	}

	/** The roles of docs/api.md; a manager may do everything. */
	enum Role {

		WAITER, COOK, CASHIER, MANAGER;

		/** A method that changes something: any but {@code GET} and {@code HEAD}. */
		private static final String CHANGE = "(?!(GET|HEAD) )\\S+";

		/**
		 * The "who" column of docs/api.md, as patterns of {@code "METHOD path"}: the
		 * first that a call matches names the role that makes it. A method that a path of
		 * the orders or the kitchen does not take is the manager's.
		 */
		private static final List<Who> WHO = List.of(
				// the menu: anyone reads it, the manager changes it
				Who.anyone("(GET|HEAD) /api/menu([/?].*)?"), new Who("\\S+ /api/menu([/?].*)?", MANAGER),
				// signing in
				Who.anyone("\\S+ /api/staff/login.*"),
				// the orders
				new Who("DELETE /api/orders", MANAGER), new Who(CHANGE + " /api/orders/[^/?]+", MANAGER),
				new Who("\\S+ /api/orders.*", WAITER),
				// the kitchen
				new Who(CHANGE + " /api/kitchen/tickets", MANAGER), new Who("\\S+ /api/kitchen/.*", COOK),
				// the till
				new Who("\\S+ /api/(bills|reports/).*", CASHIER));

		/**
		 * Who of the staff makes a call through the gateway, by its method and path
		 * (docs/api.md, the "who" column); {@code null} for the calls anyone may make
		 * (reading the menu, signing in). Anything the API does not list (an unknown
		 * path, {@code /internal/**}, a method a path does not take) is asked by the
		 * manager, who passes every role check, so that what is seen is the service's
		 * answer.
		 */
		static Role forCall(String method, String path) {
			String call = method + " " + path;
			for (Who who : WHO) {
				if (who.calls().matcher(call).matches()) {
					return who.role();
				}
			}
			return MANAGER;
		}

		/**
		 * The calls of one pattern, and the role that makes them ({@code null}: anyone).
		 */
		private record Who(Pattern calls, Role role) {

			Who(String calls, Role role) {
				this(Pattern.compile(calls, Pattern.DOTALL), role);
			}

			static Who anyone(String calls) {
				return new Who(calls, null);
			}

		}

	}

}
