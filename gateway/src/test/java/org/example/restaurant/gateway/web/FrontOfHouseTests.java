package org.example.restaurant.gateway.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.example.restaurant.gateway.GatewayTest;
import org.example.restaurant.gateway.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.gateway.ProblemAssertions.gatewayProblem;

/**
 * The gateway serves the front-of-house app (static files) at {@code /}, beside the API,
 * with the right content types and caching, and still answers anything else as a problem.
 * No service runs behind it here but the staff-service's keys.
 */
@GatewayTest
class FrontOfHouseTests {

	private static final Pattern IMPORT = Pattern.compile("from '\\./([a-z-]+\\.js)'");

	@Autowired
	WebTestClient http;

	@Test
	void servesThePageAtTheRoot() {
		this.http.get()
			.uri("/")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/html;charset=UTF-8")
			.expectHeader()
			.cacheControl(CacheControl.noCache())
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Content-Security-Policy", FrontOfHouseHeaders.CONTENT_SECURITY_POLICY)
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("<script type=\"module\" src=\"js/app.js\"></script>",
					"href=\"app.css\"", "id=\"floor\"", "id=\"kitchen\"", "id=\"cashier\"", "id=\"manager\"",
					"id=\"signin\"", "id=\"signin-number\"", "id=\"signin-pin\""));
	}

	@Test
	void servesJavaScriptModulesAsJavaScriptAndRevalidatesThem() {
		HttpHeaders headers = this.http.get()
			.uri("/js/app.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/javascript;charset=UTF-8")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
			.expectHeader()
			.doesNotExist("Content-Security-Policy")
			.expectBody(String.class)
			.value((js) -> assertThat(js).contains("import * as floor from './floor.js';"))
			.returnResult()
			.getResponseHeaders();
		assertThat(headers.getLastModified()).isPositive();

		this.http.get()
			.uri("/js/app.js")
			.ifModifiedSince(ZonedDateTime.ofInstant(Instant.ofEpochMilli(headers.getLastModified()), ZoneOffset.UTC))
			.exchange()
			.expectStatus()
			.isNotModified();
	}

	@Test
	void servesEveryModuleThatTheAppImports() throws IOException {
		Set<String> modules = new LinkedHashSet<>();
		for (String module : Set.of("app.js", "floor.js", "kitchen.js", "cashier.js", "manager.js", "live.js",
				"signin.js", "session.js", "ui.js", "api.js")) {
			Matcher imports = IMPORT.matcher(read("static/js/" + module));
			while (imports.find()) {
				modules.add(imports.group(1));
			}
		}
		assertThat(modules).contains("floor.js", "kitchen.js", "cashier.js", "manager.js", "live.js", "signin.js",
				"session.js", "ui.js", "api.js");
		for (String module : modules) {
			this.http.get()
				.uri("/js/" + module)
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentType("text/javascript;charset=UTF-8");
		}
		this.http.get()
			.uri("/app.css")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/css;charset=UTF-8");
		this.http.get().uri("/icon.svg").exchange().expectStatus().isOk().expectHeader().contentType("image/svg+xml");
	}

	/**
	 * The token goes with every call from one place, and is kept for the tab only: never
	 * in localStorage, which outlives the tab and is shared by every tab.
	 */
	@Test
	void keepsTheTokenInTheTabAndSendsItFromOnePlace() throws IOException {
		assertThat(read("static/js/api.js")).contains("headers.Authorization = `Bearer ${token}`");
		assertThat(read("static/js/session.js")).contains("sessionStorage.setItem(KEY").doesNotContain("localStorage.");
		for (String module : List.of("app.js", "floor.js", "kitchen.js", "cashier.js", "manager.js", "live.js",
				"signin.js", "ui.js")) {
			assertThat(read("static/js/" + module)).as(module)
				.doesNotContain("Authorization")
				.doesNotContain("fetch(")
				.doesNotContain("sessionStorage.");
		}
	}

	@Test
	void answersAMissingFileWithA404Problem() {
		this.http.get()
			.uri("/js/missing.js")
			.exchange()
			.expectHeader()
			.doesNotExist("Content-Security-Policy")
			.expectBody()
			.consumeWith(gatewayProblem(404, "Not found", "/js/missing.js"));
	}

	@Test
	void leavesTheApiAndTheInternalGuardAsTheyWere() {
		// No cashier instance: the API's own problem, untouched by the app's headers.
		this.http.get()
			.uri("/api/bills")
			.headers((headers) -> headers.setBearerAuth(TestTokens.cashier()))
			.exchange()
			.expectHeader()
			.doesNotExist("X-Content-Type-Options")
			.expectBody()
			.consumeWith(gatewayProblem(503, "Service unavailable", "/api/bills"));
		for (String path : List.of("/internal/orders", "/js/../internal/orders")) {
			this.http.get().uri(path).exchange().expectBody().consumeWith(gatewayProblem(404, "Not found", path));
		}
	}

	private static String read(String resource) throws IOException {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
