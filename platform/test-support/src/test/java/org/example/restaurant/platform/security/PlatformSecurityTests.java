package org.example.restaurant.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.example.restaurant.platform.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The platform's resource server in a service of the test's own: tokens checked
 * (signature, issuer, expiry), staff tokens for {@code /api/**}, service tokens for
 * {@code /internal/**}, roles by method security with the manager above the rest, public
 * paths, and 401/403 as problem+json.
 */
@SpringBootTest(classes = PlatformSecurityTests.Service.class,
		properties = { "restaurant.security.public-paths=GET /api/menu,/api/open/**", "spring.application.name=test" })
@AutoConfigureMockMvc
class PlatformSecurityTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aCallWithoutATokenIsA401ProblemAskingForABearerToken() throws Exception {
		this.mvc.perform(get("/api/orders"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.title").value("Not signed in"))
			.andExpect(jsonPath("$.detail").value(containsString("Sign in")))
			.andExpect(jsonPath("$.instance").value("/api/orders"));
	}

	@Test
	void refusedTokensAre401sNamingAnInvalidToken() throws Exception {
		String header = TestTokens.staff("101", "WAITER");
		String payload = header.split("\\.")[1];
		String unsigned = base64("{\"alg\":\"none\"}") + "." + payload + ".";
		String tampered = header.substring(0, header.lastIndexOf('.') - 4) + "AAAA"
				+ header.substring(header.lastIndexOf('.'));
		String otherPayload = base64(
				"{\"sub\":\"901\",\"roles\":[\"MANAGER\"],\"iss\":\"http://staff-service\",\"exp\":"
						+ Instant.now().plusSeconds(600).getEpochSecond() + "}");
		String swappedPayload = header.substring(0, header.indexOf('.') + 1) + otherPayload
				+ header.substring(header.lastIndexOf('.'));
		List<String> refused = List.of("garbage", unsigned, tampered, swappedPayload,
				TestTokens.token((claims) -> claims.subject("101")
					.claim("roles", List.of("WAITER"))
					.issuedAt(Instant.now().minusSeconds(3600))
					.expiresAt(Instant.now().minusSeconds(1800))),
				TestTokens.token((claims) -> claims.subject("101")
					.claim("roles", List.of("WAITER"))
					.issuer("http://somewhere-else")),
				TestTokens.signedByAnotherKey((claims) -> claims.subject("101").claim("roles", List.of("WAITER"))));
		for (String token : refused) {
			this.mvc.perform(as(get("/api/orders"), token))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")))
				.andExpect(jsonPath("$.title").value("Not signed in"));
		}
	}

	@Test
	void anOperationTakesTheRolesItNamesAndTheManager() throws Exception {
		this.mvc.perform(as(get("/api/orders"), TestTokens.staff("101", "WAITER"))).andExpect(status().isOk());
		this.mvc.perform(as(post("/api/orders"), TestTokens.staff("101", "WAITER")))
			.andExpect(status().isOk())
			.andExpect(content().string("placed by 101"));
		this.mvc.perform(as(post("/api/orders"), TestTokens.staff("901", "MANAGER"))).andExpect(status().isOk());
		this.mvc.perform(as(post("/api/orders"), TestTokens.staff("201", "COOK")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.title").value("Not allowed"))
			.andExpect(jsonPath("$.instance").value("/api/orders"));
	}

	@Test
	void internalCallsTakeOnlyServiceTokensWithTheirScope() throws Exception {
		this.mvc.perform(as(post("/internal/bills"), TestTokens.service("order-service", "bills.open")))
			.andExpect(status().isOk());
		this.mvc.perform(as(post("/internal/bills"), TestTokens.service("kitchen-service", "orders.progress")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Not allowed"));
		this.mvc.perform(as(post("/internal/bills"), TestTokens.staff("901", "MANAGER")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Not allowed"));
		this.mvc.perform(post("/internal/bills")).andExpect(status().isUnauthorized());
	}

	@Test
	void aServiceTokenOpensNoStaffCall() throws Exception {
		this.mvc.perform(as(get("/api/orders"), TestTokens.service("order-service", "bills.open")))
			.andExpect(status().isForbidden());
	}

	@Test
	void publicPathsAndHealthNeedNoToken() throws Exception {
		this.mvc.perform(get("/api/menu")).andExpect(status().isOk());
		this.mvc.perform(post("/api/menu")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/open/anything")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
		return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	@EnableAutoConfiguration
	@Import({ TestTokens.Decoder.class, Endpoints.class })
	static class Service {

	}

	@RestController
	static class Endpoints {

		@GetMapping("/api/orders")
		@PreAuthorize("hasAnyRole('WAITER', 'COOK', 'CASHIER')")
		String orders() {
			return "orders";
		}

		@PostMapping("/api/orders")
		@PreAuthorize("hasRole('WAITER')")
		String place(org.springframework.security.core.Authentication who) {
			return "placed by " + who.getName();
		}

		@PostMapping("/internal/bills")
		@PreAuthorize("hasAuthority('SCOPE_bills.open')")
		String openBill() {
			return "opened";
		}

		@GetMapping({ "/api/menu", "/api/open/anything" })
		String menu() {
			return "menu";
		}

		@PostMapping("/api/menu")
		String addToMenu() {
			return "added";
		}

	}

}
