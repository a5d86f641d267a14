package org.example.restaurant.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.gateway.ProblemAssertions.gatewayProblem;

/**
 * Who may call what through the gateway: docs/api.md's "who" column, call by call and
 * person by person, with tokens signed in the test by a key whose public half the stub
 * staff-service publishes (docs/security.md). Each service is a stub that records what
 * reaches it and answers 200 with its name in {@code X-Instance-Id}, so each allowed call
 * is seen to reach the service its route names.
 */
@GatewayTest
class GatewaySecurityTests extends AbstractGatewayTests {

	static final AtomicReference<String> relayedAuthorization = new AtomicReference<>();

	@RegisterExtension
	static final ServiceStubs services = ServiceStubs.answering(GatewaySecurityTests::stub);

	/** What reached any service since the test began. */
	static final Supplier<List<String>> received = services::received;

	/**
	 * The service of each route below {@code /api/}, by the path's next segment
	 * (application.yml); every other route is the staff-service's.
	 */
	static final Map<String, String> ROUTES = Map.of("menu", "order-service", "orders", "order-service", "kitchen",
			"kitchen-service", "bills", "cashier-service", "reports", "cashier-service");

	/**
	 * A service that records the token it was sent and answers 200 with its name in
	 * {@code X-Instance-Id}; the staff-service's also publishes the test key.
	 */
	private static HttpHandler stub(String service) {
		return (exchange) -> {
			relayedAuthorization.set(exchange.getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION));
			if (service.equals("staff-service")) {
				StubServices.staffService(exchange);
			}
			else {
				StubServices.respond(exchange, 200, "application/json", "{}", service + ":stub");
			}
		};
	}

	/** The service a route sends a path to. */
	private static String serviceOf(String path) {
		String segment = path.startsWith("/api/") ? path.substring("/api/".length()).split("/")[0] : "";
		return ROUTES.getOrDefault(segment, "staff-service");
	}

	static boolean keysFetched;

	/**
	 * The gateway fetches the staff-service's keys at the first token it checks, and
	 * keeps them: done once here, so that no test sees that fetch among the calls it
	 * makes.
	 */
	@BeforeEach
	void fetchTheKeysFirst() {
		if (!keysFetched) {
			send("GET", "/api/staff/me", TestTokens.waiter()).expectStatus().isOk();
			keysFetched = true;
		}
		services.forget();
	}

	/** Who calls: nobody signed in, a person of each role, or a service. */
	enum Caller {

		ANONYMOUS(() -> null), WAITER(TestTokens::waiter), COOK(TestTokens::cook), CASHIER(TestTokens::cashier),
		MANAGER(TestTokens::manager), SERVICE(() -> TestTokens.service("order-service", "kitchen.tickets"));

		final Supplier<String> token;

		Caller(Supplier<String> token) {
			this.token = token;
		}

	}

	static final Set<Caller> ANYONE = Set.of(Caller.values());

	static final Set<Caller> ANY_STAFF = Set.of(Caller.WAITER, Caller.COOK, Caller.CASHIER, Caller.MANAGER);

	/** docs/api.md, each call with who may make it; a manager may do everything. */
	static final Map<String, Set<Caller>> MATRIX = matrix();

	private static Map<String, Set<Caller>> matrix() {
		Map<String, Set<Caller>> calls = new java.util.LinkedHashMap<>();
		// Staff and sign-in
		calls.put("POST /api/staff/login", ANYONE);
		calls.put("GET /api/staff/me", ANY_STAFF);
		calls.put("GET /api/staff", Set.of(Caller.MANAGER));
		calls.put("POST /api/staff", Set.of(Caller.MANAGER));
		calls.put("PATCH /api/staff/101", Set.of(Caller.MANAGER));
		calls.put("GET /.well-known/openid-configuration", ANYONE);
		calls.put("GET /oauth2/jwks", ANYONE);
		// Menu
		calls.put("GET /api/menu", ANYONE);
		calls.put("GET /api/menu?available=true", ANYONE);
		calls.put("GET /api/menu/margherita", ANYONE);
		calls.put("POST /api/menu", Set.of(Caller.MANAGER));
		calls.put("PUT /api/menu/margherita", Set.of(Caller.MANAGER));
		calls.put("PATCH /api/menu/margherita", Set.of(Caller.MANAGER));
		// Orders
		calls.put("POST /api/orders", Set.of(Caller.WAITER, Caller.MANAGER));
		calls.put("GET /api/orders?status=READY", ANY_STAFF);
		calls.put("GET /api/orders/o1", ANY_STAFF);
		calls.put("POST /api/orders/o1/serve", Set.of(Caller.WAITER, Caller.MANAGER));
		calls.put("POST /api/orders/o1/cancel", Set.of(Caller.WAITER, Caller.MANAGER));
		// Kitchen
		calls.put("GET /api/kitchen/tickets", ANY_STAFF);
		calls.put("GET /api/kitchen/tickets/t1", ANY_STAFF);
		calls.put("POST /api/kitchen/tickets/t1/start", Set.of(Caller.COOK, Caller.MANAGER));
		calls.put("POST /api/kitchen/tickets/t1/ready", Set.of(Caller.COOK, Caller.MANAGER));
		calls.put("GET /api/kitchen/cluster", ANY_STAFF);
		// Bills and payments
		calls.put("GET /api/bills?status=OPEN", Set.of(Caller.WAITER, Caller.CASHIER, Caller.MANAGER));
		calls.put("GET /api/bills/b1", Set.of(Caller.WAITER, Caller.CASHIER, Caller.MANAGER));
		calls.put("POST /api/bills/b1/payments", Set.of(Caller.CASHIER, Caller.MANAGER));
		calls.put("GET /api/bills/b1/receipt", Set.of(Caller.WAITER, Caller.CASHIER, Caller.MANAGER));
		calls.put("GET /api/reports/daily?date=2026-12-01", Set.of(Caller.CASHIER, Caller.MANAGER));
		// Figures (the manager's live view)
		calls.put("GET /api/orders/figures", Set.of(Caller.MANAGER));
		calls.put("GET /api/kitchen/figures", Set.of(Caller.MANAGER));
		calls.put("GET /api/bills/figures", Set.of(Caller.MANAGER));
		return calls;
	}

	static Stream<Arguments> everyCallByEveryCaller() {
		List<Arguments> cases = new ArrayList<>();
		MATRIX.forEach((call, allowed) -> {
			for (Caller caller : Caller.values()) {
				cases.add(Arguments.of(call, caller, allowed.contains(caller)));
			}
		});
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} by {1}: allowed {2}")
	@MethodSource("everyCallByEveryCaller")
	void letsThroughExactlyWhomTheMatrixNames(String call, Caller caller, boolean allowed) {
		String[] parts = call.split(" ", 2);
		String path = parts[1].split("\\?")[0];
		WebTestClient.ResponseSpec response = send(parts[0], parts[1], caller.token.get());
		if (allowed) {
			String service = serviceOf(path);
			response.expectStatus().isOk().expectHeader().valueEquals("X-Instance-Id", service + ":stub");
			assertThat(services.of(service).received()).contains(call);
		}
		else if (caller == Caller.ANONYMOUS) {
			response.expectHeader()
				.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
				.expectBody()
				.consumeWith(gatewayProblem(401, "Not signed in", path));
			assertThat(received.get()).doesNotContain(call);
		}
		else {
			response.expectBody().consumeWith(gatewayProblem(403, "Not allowed", path));
			assertThat(received.get()).doesNotContain(call);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "DELETE /api/orders/o1", "GET /api/orders/o1/serve", "PUT /api/bills/b1",
			"GET /api/staff/101", "DELETE /api/menu/margherita", "POST /api/reports/daily", "GET /api/kitchen",
			"POST /oauth2/jwks", "PUT /api/kitchen/tickets/t1" })
	void leavesEveryCallTheMatrixDoesNotNameToTheServiceButOnlyForStaff(String call) {
		String[] parts = call.split(" ", 2);
		send(parts[0], parts[1], null).expectBody().consumeWith(gatewayProblem(401, "Not signed in", parts[1]));
		send(parts[0], parts[1], TestTokens.service("order-service", "kitchen.tickets")).expectBody()
			.consumeWith(gatewayProblem(403, "Not allowed", parts[1]));
		assertThat(received.get()).doesNotContain(call);
		// the service answers it (405 for a method it does not have) and guards it itself
		send(parts[0], parts[1], TestTokens.manager());
		assertThat(received.get()).contains(call);
	}

	@Test
	void neverRoutesTheTokenEndpoint() {
		send("POST", "/oauth2/token", TestTokens.manager()).expectBody()
			.consumeWith(gatewayProblem(404, "Not found", "/oauth2/token"));
		send("POST", "/oauth2/token", null).expectStatus().isUnauthorized();
		assertThat(received.get()).isEmpty();
	}

	@Test
	void routesTheStaffServicesPublicKeysButNotItsTokenEndpoint() {
		this.http.get()
			.uri("/oauth2/jwks")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo(TestTokens.jwks());
		assertThat(services.of("staff-service").received()).contains("GET /oauth2/jwks");
	}

	@Test
	void relaysTheTokenToTheServiceUnchanged() {
		String token = TestTokens.waiter();
		send("GET", "/api/orders", token).expectStatus().isOk();
		assertThat(relayedAuthorization.get()).isEqualTo("Bearer " + token);
	}

	static Stream<Arguments> badTokens() {
		return Stream.of(Arguments.of("expired", TestTokens.expired()), Arguments.of("tampered", TestTokens.tampered()),
				Arguments.of("signed by another key", TestTokens.otherKey()),
				Arguments.of("alg none", TestTokens.unsigned()),
				Arguments.of("another issuer", TestTokens.otherIssuer()), Arguments.of("not a JWT", "not-a-token"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badTokens")
	void refusesABadTokenWith401AndInvalidToken(String kind, String token) {
		send("GET", "/api/orders", token).expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE,
					(challenge) -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""))
			.expectBody()
			.consumeWith(gatewayProblem(401, "Not signed in", "/api/orders"));
		assertThat(received.get()).doesNotContain("GET /api/orders");
	}

	@Test
	void aServiceTokenOpensNoRouteThatNeedsARole() {
		String token = TestTokens.service("kitchen-service", "orders.progress");
		for (String path : List.of("/api/orders", "/api/kitchen/tickets", "/api/bills", "/api/staff/me")) {
			send("GET", path, token).expectBody().consumeWith(gatewayProblem(403, "Not allowed", path));
		}
		assertThat(received.get()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/internal/orders/o1/paid", "/internal/tickets", "/api/orders/../internal/orders/o1/ready" })
	void neverRoutesInternalEndpointsWhateverTheToken(String path) {
		for (String token : new String[] { null, TestTokens.manager(),
				TestTokens.service("cashier-service", "orders.paid") }) {
			send("POST", path, token).expectBody().consumeWith(gatewayProblem(404, "Not found", path));
		}
		assertThat(received.get()).isEmpty();
	}

	@Test
	void signsInEvenWithTheLastPersonsExpiredToken() {
		send("POST", "/api/staff/login", TestTokens.expired()).expectStatus().isOk();
		assertThat(received.get()).containsExactly("POST /api/staff/login");
	}

	@Test
	void servesTheAppAndHealthToAnyone() {
		this.http.get().uri("/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk();
		this.http.get().uri("/js/app.js").exchange().expectStatus().isOk();
		this.http.get().uri("/app.css").exchange().expectStatus().isOk();
		this.http.get().uri("/icon.svg").exchange().expectStatus().isOk();
		this.http.get().uri("/livez").exchange().expectStatus().isOk();
		this.http.get().uri("/readyz").exchange().expectStatus().isOk();
	}

	@Test
	void keepsNoSessionAndAsksForNoCsrfToken() {
		send("POST", "/api/orders", TestTokens.waiter()).expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.SET_COOKIE);
	}

	private WebTestClient.ResponseSpec send(String method, String uri, String token) {
		return this.http.method(HttpMethod.valueOf(method)).uri(uri).headers((headers) -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
		}).exchange();
	}

}
