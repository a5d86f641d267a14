package org.example.restaurant.system;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.example.restaurant.system.Waiter.Line;
import org.example.restaurant.system.Waiter.Order;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restaurant of its own (one kitchen replica), whose gateway lets each person make 20
 * requests a minute ({@code GATEWAY_RATE_LIMIT_PER_PERSON}; the shared restaurant raises
 * the limits out of the way), for two scenarios:
 * <ul>
 * <li>the gateway's rate limit: the 21st call of a person in a minute is refused with a
 * 429 problem and the headers of docs/security.md, and another person is unaffected;</li>
 * <li>the outbox through a staff-service outage: an order placed while the staff-service
 * is down, in a restaurant whose order-service has sent no message yet (so it holds no
 * service token and must ask for one), is stored, and its ticket reaches the kitchen once
 * the staff-service is back; signed-in staff keep working meanwhile;</li>
 * <li>a token that expired: the staff-service, started again with a short token lifetime,
 * issues one, which is refused once it has expired.</li>
 * </ul>
 * The outage scenario keeps each person well under the limit: it waits by polling the
 * services' own ports, which the gateway's limit does not count.
 * <p>
 * Runs before the shared restaurant starts ({@code @Order(2)}, after
 * {@link PostgresRestaurantIT}), and stops its restaurant when done, so that two
 * restaurants never run at once on a small machine.
 */
@org.junit.jupiter.api.Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitAndStaffOutageIT {

	private static final int PER_PERSON = 20;

	/** The staff tokens' lifetime in the last scenario, in seconds. */
	private static final long SHORT_LIFETIME = 3;

	private static final Duration CATCH_UP = Duration.ofSeconds(120);

	private static final Pattern RATE_LIMIT = Pattern.compile("\"per-person\";r=(\\d+);t=(\\d+)");

	static Restaurant restaurant;

	@BeforeAll
	static void openTheRestaurant() {
		restaurant = new Restaurant(1, "-limits").with("GATEWAY_RATE_LIMIT_PER_PERSON", String.valueOf(PER_PERSON));
		restaurant.up();
	}

	@AfterAll
	static void closeTheRestaurant() {
		if (restaurant != null) {
			restaurant.close();
		}
	}

	@Test
	@org.junit.jupiter.api.Order(1)
	void theTwentyFirstCallOfAPersonInAMinuteIsRefusedAndAnotherPersonIsNot() {
		// A person whose bucket is new: no call of theirs was counted yet.
		String number = String.valueOf(600000 + new SecureRandom().nextInt(100000));
		Staff busy = restaurant.manager().add(number, "Busy Bea", "5151", Staff.Role.WAITER);
		Staff other = restaurant.as(Staff.Role.CASHIER);
		String busyToken = busy.token();
		String otherToken = other.token();
		Door gateway = Door.gateway(restaurant);

		long windowEnds = 0;
		for (int call = 1; call <= PER_PERSON; call++) {
			Restaurant.Response answer = gateway.get("/api/staff/me", busyToken);
			assertThat(answer.status()).as("call " + call + ": " + answer.describe()).isEqualTo(200);
			assertThat(answer.header("RateLimit-Policy")).isEqualTo("\"per-person\";q=" + PER_PERSON + ";w=60");
			Matcher left = rateLimit(answer);
			assertThat(Integer.parseInt(left.group(1))).as("requests left after call " + call)
				.isEqualTo(PER_PERSON - call);
			int seconds = Integer.parseInt(left.group(2));
			assertThat(seconds).isBetween(0, 60);
			if (call == 1) {
				windowEnds = System.currentTimeMillis() + seconds * 1000L;
			}
		}
		Restaurant.Response refused = gateway.get("/api/staff/me", busyToken);
		assertThat(System.currentTimeMillis()).as("all 21 calls within the window").isLessThan(windowEnds);
		assertThat(refused.status()).as(refused.describe()).isEqualTo(429);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.problem().title()).isEqualTo("Too many requests");
		assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"per-person\";q=" + PER_PERSON + ";w=60");
		Matcher none = rateLimit(refused);
		assertThat(none.group(1)).isEqualTo("0");
		assertThat(refused.header("Retry-After")).as(refused.headers().toString())
			.matches("[0-9]+")
			.isEqualTo(none.group(2));
		assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
		// still refused on another route: the limit is the person's, not the route's
		assertThat(gateway.get("/api/orders", busyToken).status()).isEqualTo(429);

		// another person has a bucket of their own
		Restaurant.Response otherAnswer = gateway.get("/api/bills", otherToken);
		assertThat(otherAnswer.status()).as(otherAnswer.describe()).isEqualTo(200);
		assertThat(otherAnswer.header("RateLimit-Policy")).isEqualTo("\"per-person\";q=" + PER_PERSON + ";w=60");
		assertThat(Integer.parseInt(rateLimit(otherAnswer).group(1))).isGreaterThan(0);
		// and a call without a token is counted per address
		Restaurant.Response anonymous = gateway.get("/api/menu", null);
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.header("RateLimit-Policy")).startsWith("\"per-address\";q=");
	}

	@Test
	@org.junit.jupiter.api.Order(2)
	void anOrderPlacedWhileTheStaffServiceIsDownReachesTheKitchenOnceItIsBack() {
		Staff waiter = restaurant.as(Staff.Role.WAITER);
		Staff cook = restaurant.as(Staff.Role.COOK);
		Staff cashier = restaurant.as(Staff.Role.CASHIER);
		// signed in and warmed up: the gateway and the services have the keys
		assertThat(restaurant.get("/api/orders", waiter).status()).isEqualTo(200);
		assertThat(restaurant.get("/api/kitchen/tickets", cook).status()).isEqualTo(200);
		assertThat(restaurant.get("/api/bills", cashier).status()).isEqualTo(200);
		Door orderService = Door.orderService(restaurant);
		Door kitchen = Door.kitchenReplica(restaurant);
		assertThat(outboxPending(orderService)).as("the order-service has sent nothing yet").isZero();

		restaurant.kill("staff-1");

		Restaurant.Response placedAnswer = restaurant.post("/api/orders",
				Waiter.orderJson("S" + UUID.randomUUID().toString().substring(0, 8), Line.of("soup-of-the-day", 1),
						Line.of("house-red", 1)),
				waiter);
		assertThat(placedAnswer.status()).as("stored while the staff-service is down: " + placedAnswer.describe())
			.isEqualTo(201);
		Order placed = placedAnswer.as(Order.class);
		assertThat(placed.status()).isEqualTo("PLACED");

		// signed-in staff keep working: their tokens are checked with the keys already
		// held
		Restaurant.Response order = restaurant.get("/api/orders/" + placed.id(), waiter);
		assertThat(order.status()).as(order.describe()).isEqualTo(200);
		Restaurant.Response tickets = restaurant.get("/api/kitchen/tickets", cook);
		assertThat(tickets.status()).as(tickets.describe()).isEqualTo(200);
		Restaurant.Response bills = restaurant.get("/api/bills", cashier);
		assertThat(bills.status()).as(bills.describe()).isEqualTo(200);
		// while no one can sign in
		Restaurant.Response signIn = restaurant.post("/api/staff/login",
				"{\"staffNumber\": \"101\", \"pin\": \"1111\"}");
		assertThat(signIn.status()).as(signIn.describe()).isEqualTo(503);
		assertThat(signIn.header("Retry-After")).matches("[1-9][0-9]*");

		// the ticket waits in the order-service's outbox (which takes stock every 2 s):
		// it
		// has no service token to send it with
		await("the ticket to wait in the order-service's outbox").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> outboxPending(orderService) == 1);
		assertThat(ticketsOf(kitchen, cook, placed.id())).as("no ticket while no service token can be had").isEmpty();

		restaurant.restartWhatIsDown();

		List<JsonNode> ticket = await("the ticket of order " + placed.id() + " in the kitchen").atMost(CATCH_UP)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> ticketsOf(kitchen, cook, placed.id()), (found) -> !found.isEmpty());
		assertThat(ticket).as("exactly one ticket").hasSize(1);
		String status = await("order " + placed.id() + " to be cooking or cooked").atMost(CATCH_UP)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> orderService.get("/api/orders/" + placed.id(), Door.freshToken(waiter))
				.json()
				.path("status")
				.asString(), (now) -> List.of("PREPARING", "READY").contains(now));
		assertThat(status).isIn("PREPARING", "READY");
		await("the order-service's outbox to be empty").atMost(CATCH_UP)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> outboxPending(orderService) == 0);
		assertThat(ticketsOf(kitchen, cook, placed.id())).as("nothing sent twice").hasSize(1);
		assertThat(restaurant.get("/api/orders/" + placed.id(), waiter).status()).isEqualTo(200);
	}

	/**
	 * A token that expired is refused, for real: the staff-service is started again with
	 * a lifetime of {@value #SHORT_LIFETIME} seconds ({@code STAFF_TOKENLIFETIME}, i.e.
	 * {@code staff.token-lifetime}); a token it then issues is accepted at first, and
	 * refused with {@code invalid_token} once it has expired and the minute of clock skew
	 * that Spring Security allows has passed. (The shared restaurant's
	 * {@link RefusedTokensIT} refuses a token that expired an hour ago, made by hand.)
	 */
	@Test
	@org.junit.jupiter.api.Order(3)
	void aTokenIsRefusedOnceItHasExpired() {
		restaurant.stop("staff-1");
		restaurant.with("STAFF_TOKENLIFETIME", SHORT_LIFETIME + "s");
		restaurant.restartWhatIsDown();

		Restaurant.Response signIn = restaurant.post("/api/staff/login",
				"{\"staffNumber\": \"201\", \"pin\": \"2222\"}");
		assertThat(signIn.status()).as(signIn.describe()).isEqualTo(200);
		assertThat(signIn.json().path("expiresIn").asLong()).isEqualTo(SHORT_LIFETIME);
		String token = signIn.json().path("accessToken").asString();
		long expires = HandMadeTokens.claims(token).path("exp").asLong();
		Door gateway = Door.gateway(restaurant);
		Door kitchen = Door.kitchenReplica(restaurant);
		assertThat(gateway.get("/api/kitchen/tickets", token).status()).isEqualTo(200);
		assertThat(kitchen.get("/api/kitchen/tickets", token).status()).isEqualTo(200);

		// the replica's own port first (not counted by the gateway's limit), then the
		// gateway, asked less often than its limit of 20 a minute
		Restaurant.Response refused = await("the kitchen to refuse the expired token").atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> kitchen.get("/api/kitchen/tickets", token), (answer) -> answer.status() != 200);
		assertThat(Instant.now().getEpochSecond()).as("refused only once expired").isGreaterThan(expires);
		assertExpired(refused);
		Restaurant.Response refusedByTheGateway = await("the gateway to refuse the expired token")
			.atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(4))
			.until(() -> gateway.get("/api/kitchen/tickets", token), (answer) -> answer.status() != 200);
		assertExpired(refusedByTheGateway);
		// and signing in again gives a good token
		Staff cook = restaurant.as(Staff.Role.COOK);
		assertThat(restaurant.get("/api/kitchen/tickets", cook).status()).isEqualTo(200);
	}

	private static void assertExpired(Restaurant.Response refused) {
		assertThat(refused.status()).as(refused.describe()).isEqualTo(401);
		assertThat(refused.problem().title()).isEqualTo("Not signed in");
		assertThat(refused.header("WWW-Authenticate")).as(refused.headers().toString())
			.contains("error=\"invalid_token\"")
			.containsIgnoringCase("expired");
	}

	private static Matcher rateLimit(Restaurant.Response answer) {
		String header = answer.header("RateLimit");
		assertThat(header).as(answer.headers().toString()).isNotNull();
		Matcher matcher = RATE_LIMIT.matcher(header);
		assertThat(matcher.matches()).as("RateLimit: " + header).isTrue();
		return matcher;
	}

	/** What the order-service's outbox holds ({@code /actuator/health/outbox}). */
	private static int outboxPending(Door orderService) {
		Restaurant.Response health = orderService.get("/actuator/health/outbox", null);
		assertThat(health.status()).as(health.describe()).isEqualTo(200);
		return health.json().path("details").path("pending").asInt();
	}

	/**
	 * The kitchen's tickets of an order, asked on the replica's own port (not counted by
	 * the gateway's limit).
	 */
	private static List<JsonNode> ticketsOf(Door kitchen, Staff cook, String orderId) {
		Restaurant.Response answer = kitchen.get("/api/kitchen/tickets", Door.freshToken(cook));
		assertThat(answer.status()).as(answer.describe()).isEqualTo(200);
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode ticket : answer.json()) {
			if (ticket.path("orderId").asString().equals(orderId)) {
				found.add(ticket);
			}
		}
		return found;
	}

}
