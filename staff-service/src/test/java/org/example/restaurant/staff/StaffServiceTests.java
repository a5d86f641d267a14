package org.example.restaurant.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.example.restaurant.platform.test.TestClock;
import org.example.restaurant.staff.token.SigningKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole staff-service on a random port, over HTTP as the gateway, the services and
 * the tablets meet it: sign-in, the tokens checked against the served JWKS, client
 * credentials, discovery, the lockout, deactivation, the tokens it refuses, and keys that
 * survive a restart.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "staff.clients.order-service.secret=order-secret", "staff.clients.kitchen-service.secret=" })
@ActiveProfiles("test")
@Import(StaffServiceTests.Doubles.class)
@SuppressWarnings({ "unchecked", "rawtypes" })
class StaffServiceTests {

	static final Path KEYS = temporaryFolder();

	static final String ISSUER = "http://staff-service";

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	JwtEncoder encoder;

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("staff.keys.location", KEYS::toString);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void signsInAndTheTokenChecksOutAgainstTheServedKeys() throws Exception {
		ResponseEntity<Map> response = login("101", "1111");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");
		Map<String, Object> body = response.getBody();
		assertThat(body.get("tokenType")).isEqualTo("Bearer");
		assertThat(body.get("expiresIn")).isEqualTo(900);
		assertThat((Map<String, Object>) body.get("staff")).containsEntry("staffNumber", "101")
			.containsEntry("name", "Wendy")
			.containsEntry("roles", List.of("WAITER"))
			.containsEntry("active", true);

		JWKSet served = servedKeys();
		Jwt token = decoder().decode((String) body.get("accessToken"));

		assertThat(token.getHeaders()).containsEntry("alg", "RS256")
			.containsEntry("kid", served.getKeys().get(0).getKeyID());
		assertThat(token.getIssuer()).hasToString(ISSUER);
		assertThat(token.getSubject()).isEqualTo("101");
		assertThat(token.getClaimAsString("name")).isEqualTo("Wendy");
		assertThat(token.getClaimAsStringList("roles")).containsExactly("WAITER");
		assertThat(token.hasClaim("scope")).isFalse();
		assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
		assertThat(token.getExpiresAt()).isAfter(Instant.now());
	}

	@Test
	void publishesOnlyThePublicKeys() throws Exception {
		JWKSet served = servedKeys();

		assertThat(served.getKeys()).isNotEmpty().allSatisfy((key) -> {
			assertThat(key.isPrivate()).isFalse();
			assertThat(key.getKeyID()).isNotBlank();
		});
		assertThat(client(this.port).get().uri("/oauth2/jwks").retrieve().body(String.class)).doesNotContain("\"d\"")
			.doesNotContain("\"p\"");
	}

	@Test
	void givesAServiceItsTokenForItsScopes() throws Exception {
		ResponseEntity<Map> response = serviceToken("order-service", "order-secret", "kitchen.tickets bills.open");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).containsEntry("token_type", "Bearer");
		Jwt token = decoder().decode((String) response.getBody().get("access_token"));
		assertThat(token.getSubject()).isEqualTo("order-service");
		assertThat(token.getIssuer()).hasToString(ISSUER);
		assertThat(token.getClaimAsStringList("scope")).containsExactlyInAnyOrder("kitchen.tickets", "bills.open");
		assertThat(token.hasClaim("roles")).isFalse();
		assertThat(token.getHeaders()).containsEntry("kid", servedKeys().getKeys().get(0).getKeyID());
		assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void refusesATokenToAWrongSecretAnUnregisteredClientAndAScopeNotHeld() {
		assertThat(serviceToken("order-service", "guess", "kitchen.tickets").getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(serviceToken("kitchen-service", "anything", "orders.progress").getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(serviceToken("cashier-service", "anything", "orders.paid").getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		ResponseEntity<Map> notHeld = serviceToken("order-service", "order-secret", "orders.paid");
		assertThat(notHeld.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(notHeld.getBody()).containsEntry("error", "invalid_scope");
	}

	@Test
	void servesTheDiscoveryDocumentUnderTheFixedIssuer() {
		Map<String, Object> discovery = client(this.port).get()
			.uri("/.well-known/openid-configuration")
			.retrieve()
			.body(Map.class);

		assertThat(discovery).containsEntry("issuer", ISSUER)
			.containsEntry("jwks_uri", ISSUER + "/oauth2/jwks")
			.containsEntry("token_endpoint", ISSUER + "/oauth2/token");
		assertThat((List<Object>) discovery.get("grant_types_supported")).contains("client_credentials");
		assertThat((List<Object>) discovery.get("token_endpoint_auth_methods_supported"))
			.contains("client_secret_basic");
	}

	@Test
	void locksANumberAfterFiveWrongPinsInARowWhoeverAsks() {
		String manager = token("901", "9999");
		addStaff(manager, "150", "4711");
		this.clock.setTo(Instant.now());
		ResponseEntity<Map> unknown = login("149", "4711");

		for (int attempt = 1; attempt <= 4; attempt++) {
			ResponseEntity<Map> wrong = login("150", "0000");
			assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(wrong.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
			assertThat(wrong.getBody()).isEqualTo(withInstance(unknown.getBody()));
		}
		ResponseEntity<Map> fifth = login("150", "0000");
		assertThat(fifth.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(fifth.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("300");
		assertThat(fifth.getBody()).containsEntry("title", "Too many requests");

		this.clock.advance(Duration.ofSeconds(100));
		ResponseEntity<Map> right = login("150", "4711");
		assertThat(right.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(right.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("200");

		this.clock.advance(Duration.ofSeconds(200));
		assertThat(login("150", "4711").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void countsEveryWrongPinOfAttemptsSentAtOnce() throws Exception {
		addStaff(token("901", "9999"), "152", "5252");

		ExecutorService tablets = Executors.newFixedThreadPool(5);
		List<HttpStatusCode> answers = new ArrayList<>();
		try {
			List<Future<HttpStatusCode>> sent = new ArrayList<>();
			for (int tablet = 0; tablet < 5; tablet++) {
				sent.add(tablets.submit(() -> login("152", "0000").getStatusCode()));
			}
			for (Future<HttpStatusCode> answer : sent) {
				answers.add(answer.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			tablets.shutdownNow();
		}

		assertThat(answers).filteredOn(HttpStatus.UNAUTHORIZED::equals).hasSize(4);
		assertThat(answers).filteredOn(HttpStatus.TOO_MANY_REQUESTS::equals).hasSize(1);
		assertThat(login("152", "5252").getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void refusesADeactivatedPersonAtOnce() {
		String manager = token("901", "9999");
		addStaff(manager, "151", "5151");
		assertThat(login("151", "5151").getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<Map> changed = client(this.port).patch()
			.uri("/api/staff/151")
			.headers((headers) -> headers.setBearerAuth(manager))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"active\": false}")
			.retrieve()
			.toEntity(Map.class);
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);

		ResponseEntity<Map> refused = login("151", "5151");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(refused.getBody()).containsEntry("title", "Not signed in");
	}

	@Test
	void readsThePersonOfAToken() {
		ResponseEntity<Map> me = me(token("201", "2222"));

		assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(me.getBody()).containsEntry("staffNumber", "201").containsEntry("roles", List.of("COOK"));
	}

	@Test
	void refusesTokensThatAreExpiredTamperedWithSignedElsewhereUnsignedOrFromAnotherIssuer() throws Exception {
		Instant now = Instant.now();
		String good = sign(claims("101", ISSUER, now, now.plusSeconds(600)));
		assertThat(me(good).getStatusCode()).isEqualTo(HttpStatus.OK);

		String expired = sign(claims("101", ISSUER, now.minusSeconds(1800), now.minusSeconds(600)));
		String[] parts = good.split("\\.");
		String tampered = parts[0] + "." + payload(claims("901", ISSUER, now, now.plusSeconds(600))) + "." + parts[2];
		String otherIssuer = sign(claims("101", "http://elsewhere", now, now.plusSeconds(600)));
		RSAKey stranger = SigningKeys.newKey();
		RSAKey strangerWithOurKid = new RSAKey.Builder(SigningKeys.newKey())
			.keyID(servedKeys().getKeys().get(0).getKeyID())
			.build();
		String signedElsewhere = signWith(stranger, now);
		String signedElsewhereWithOurKid = signWith(strangerWithOurKid, now);
		String unsigned = new PlainJWT(new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject("901")
			.claim("roles", List.of("MANAGER"))
			.issueTime(java.util.Date.from(now))
			.expirationTime(java.util.Date.from(now.plusSeconds(600)))
			.build()).serialize();

		for (String token : List.of(expired, tampered, otherIssuer, signedElsewhere, signedElsewhereWithOurKid,
				unsigned, "not-a-jwt")) {
			ResponseEntity<Map> refused = me(token);
			assertThat(refused.getStatusCode()).as(token).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(refused.getBody()).containsEntry("title", "Not signed in");
			assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer")
				.contains("error=\"invalid_token\"");
		}
		ResponseEntity<Map> none = client(this.port).get().uri("/api/staff/me").retrieve().toEntity(Map.class);
		assertThat(none.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(none.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
	}

	@Test
	void refusesAServiceTokenOnTheStaffCalls() {
		String service = (String) serviceToken("order-service", "order-secret", "kitchen.tickets").getBody()
			.get("access_token");

		ResponseEntity<Map> refused = me(service);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getBody()).containsEntry("title", "Not allowed").containsEntry("instance", "/api/staff/me");
	}

	@Test
	void keepsItsKeysOverARestart() throws Exception {
		String token = token("101", "1111");
		String kid = servedKeys().getKeys().get(0).getKeyID();

		try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(StaffServiceApplication.class)
			.profiles("test")
			.run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:staff-restarted;DB_CLOSE_DELAY=-1",
					"--staff.keys.location=" + KEYS)) {
			int restartedPort = Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port"));
			RestClient client = client(restartedPort);

			ResponseEntity<Map> me = client.get()
				.uri("/api/staff/me")
				.headers((headers) -> headers.setBearerAuth(token))
				.retrieve()
				.toEntity(Map.class);
			assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(me.getBody()).containsEntry("staffNumber", "101");
			assertThat(JWKSet.parse(client.get().uri("/oauth2/jwks").retrieve().body(String.class)).getKeys())
				.extracting((key) -> key.getKeyID())
				.containsExactly(kid);
		}
		assertThat(Files.readString(KEYS.resolve(SigningKeys.FILE_NAME))).contains(kid);
	}

	private ResponseEntity<Map> login(String number, String pin) {
		return client(this.port).post()
			.uri("/api/staff/login")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("staffNumber", number, "pin", pin))
			.retrieve()
			.toEntity(Map.class);
	}

	private String token(String number, String pin) {
		ResponseEntity<Map> response = login(number, pin);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return (String) response.getBody().get("accessToken");
	}

	private ResponseEntity<Map> me(String token) {
		return client(this.port).get()
			.uri("/api/staff/me")
			.headers((headers) -> headers.setBearerAuth(token))
			.retrieve()
			.toEntity(Map.class);
	}

	private void addStaff(String managerToken, String number, String pin) {
		ResponseEntity<Map> added = client(this.port).post()
			.uri("/api/staff")
			.headers((headers) -> headers.setBearerAuth(managerToken))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("staffNumber", number, "name", "Person " + number, "roles", List.of("WAITER"), "pin", pin))
			.retrieve()
			.toEntity(Map.class);
		assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	private ResponseEntity<Map> serviceToken(String clientId, String secret, String scope) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("scope", scope);
		return client(this.port).post()
			.uri("/oauth2/token")
			.headers((headers) -> headers.setBasicAuth(clientId, secret))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.toEntity(Map.class);
	}

	private JWKSet servedKeys() throws ParseException {
		return JWKSet.parse(client(this.port).get().uri("/oauth2/jwks").retrieve().body(String.class));
	}

	/** A decoder as another service builds it: the served JWKS, this issuer. */
	private NimbusJwtDecoder decoder() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + this.port + "/oauth2/jwks")
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
		return decoder;
	}

	private JwtClaimsSet claims(String subject, String issuer, Instant issuedAt, Instant expiresAt) {
		return JwtClaimsSet.builder()
			.issuer(issuer)
			.subject(subject)
			.claim("roles", List.of(subject.startsWith("9") ? "MANAGER" : "WAITER"))
			.issuedAt(issuedAt)
			.expiresAt(expiresAt)
			.build();
	}

	private String sign(JwtClaimsSet claims) {
		return this.encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
	}

	private static String payload(JwtClaimsSet claims) {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
		claims.getClaims()
			.forEach((name, value) -> builder.claim(name,
					(value instanceof Instant instant) ? instant.getEpochSecond() : value));
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(builder.build().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static String signWith(RSAKey key, Instant now) throws JOSEException {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				new JWTClaimsSet.Builder().issuer(ISSUER)
					.subject("901")
					.claim("roles", List.of("MANAGER"))
					.issueTime(java.util.Date.from(now))
					.expirationTime(java.util.Date.from(now.plusSeconds(600)))
					.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static Map<?, ?> withInstance(Map<?, ?> problem) {
		Map<Object, Object> copy = new java.util.HashMap<>(problem);
		copy.put("instance", "/api/staff/login");
		return copy;
	}

	/**
	 * A client that hands every answer to the test and never sends a request again (the
	 * platform's {@code LocalServer} client, on Apache HttpClient, repeats a request
	 * answered 429 or 503 after its {@code Retry-After}).
	 */
	private static RestClient client(int port) {
		return RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("staff-keys");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Doubles {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
