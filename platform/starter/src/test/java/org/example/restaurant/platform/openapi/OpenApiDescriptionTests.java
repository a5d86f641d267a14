package org.example.restaurant.platform.openapi;

import java.util.UUID;

import org.example.restaurant.platform.security.AnyStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.json.JsonPathValueAssert;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's description as the platform completes it, read without a token: who may
 * call each operation (from its method security), the problem+json answers by the
 * operation's shape, {@code Idempotency-Key} where read, the gateway as the one server,
 * and no {@code /internal/**}.
 */
@WebMvcTest(controllers = OpenApiDescriptionTests.Things.class,
		properties = { "spring.application.name=things-service", "spring.application.version=1.2.3",
				"restaurant.security.public-paths=GET /api/things/**" })
@ImportAutoConfiguration({ SpringDocConfiguration.class, SpringDocConfigProperties.class,
		SpringDocWebMvcConfiguration.class, OpenApiAutoConfiguration.class })
@Import(OpenApiDescriptionTests.Things.class)
class OpenApiDescriptionTests {

	@Autowired
	MockMvcTester mvc;

	MvcTestResult description;

	@BeforeEach
	void readTheDescription() {
		this.description = this.mvc.get().uri("/v3/api-docs").exchange();
	}

	@Test
	void isReadWithoutAToken() {
		assertThat(this.description).hasStatus(HttpStatus.OK);
		assertThat(this.description).bodyJson().isLenientlyEqualTo("""
				{"openapi": "3.1.0",
				 "info": {"title": "things-service", "version": "1.2.3"},
				 "servers": [{"url": "/"}],
				 "components": {"securitySchemes": {"staff-token": {"type": "http", "scheme": "bearer",
				                                                     "bearerFormat": "JWT"}}}}
				""");
	}

	@Test
	void namesTheRolesOfEachOperationAndAsksForAStaffToken() {
		at("$.paths['/api/things/{id}/wash'].post.security[0].staff-token").asArray().containsExactly("WAITER");
		at("$.paths['/api/things/{id}/wash'].post.description").asString()
			.contains("WAITER (MANAGER may do everything staff may do)");
		at("$.paths['/api/stock'].get.security[0].staff-token").asArray()
			.containsExactly("WAITER", "COOK", "CASHIER", "MANAGER");
		at("$.paths['/api/stock'].get.description").asString().contains("any signed-in staff member");
	}

	@Test
	void leavesPublicOperationsOpen() {
		assertThat(this.description).bodyJson().doesNotHavePath("$.paths['/api/things/{id}'].get.security");
		at("$.paths['/api/things/{id}'].get.description").asString().contains("anyone");
		at("$.paths['/api/things/{id}'].get.responses").asMap().containsOnlyKeys("200", "400", "404", "503");
	}

	@Test
	void addsTheProblemsAnOperationMayAnswer() {
		at("$.paths['/api/things/{id}/wash'].post.responses").asMap()
			.containsOnlyKeys("200", "400", "401", "403", "404", "409", "503");
		at("$.paths['/api/stock'].get.responses").asMap().containsOnlyKeys("200", "401", "403", "503");
		at("$.paths['/api/stock'].get.responses.401.content['application/problem+json'].schema.$ref")
			.isEqualTo("#/components/schemas/Problem");
		at("$.components.schemas.Problem.properties").asMap()
			.containsOnlyKeys("status", "title", "detail", "instance", "errors");
	}

	@Test
	void describesTheIdempotencyKeyWhereTheOperationReadsIt() {
		at("$.paths['/api/things'].post.parameters[0]").asMap()
			.containsEntry("name", "Idempotency-Key")
			.containsEntry("in", "header");
		at("$.paths['/api/things'].post.parameters[0].description").asString()
			.contains("draft-ietf-httpapi-idempotency-key-header");
		at("$.paths['/api/things'].post.responses").asMap().containsKeys("409", "422");
		at("$.paths['/api/things/{id}/wash'].post.parameters").asArray()
			.noneMatch((parameter) -> parameter.toString().contains("Idempotency-Key"));
	}

	@Test
	void leavesTheInternalOperationsOut() {
		at("$.paths").asMap()
			.containsOnlyKeys("/api/things", "/api/things/{id}", "/api/things/{id}/wash", "/api/stock");
		at("$.components.securitySchemes").asMap().doesNotContainKey("service-token");
	}

	/**
	 * What the description holds at a JSON path.
	 */
	private JsonPathValueAssert at(String path) {
		return assertThat(this.description).bodyJson().extractingPath(path);
	}

	@RestController
	static class Things {

		@GetMapping("/api/things/{id}")
		String show(@PathVariable UUID id) {
			return "thing";
		}

		@PreAuthorize("hasRole('WAITER')")
		@PostMapping("/api/things")
		String add(@RequestBody String thing, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
			return thing;
		}

		@PreAuthorize("hasRole('WAITER')")
		@PostMapping("/api/things/{id}/wash")
		String wash(@PathVariable UUID id) {
			return "washed";
		}

		@AnyStaff
		@GetMapping("/api/stock")
		String stock() {
			return "stock";
		}

		@PreAuthorize("hasAuthority('SCOPE_things.count')")
		@PostMapping("/internal/things")
		String count() {
			return "counted";
		}

	}

}
