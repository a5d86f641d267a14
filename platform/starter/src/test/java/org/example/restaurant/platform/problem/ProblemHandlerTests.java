package org.example.restaurant.platform.problem;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one error model on a servlet service, through a controller that fails in every way
 * a service can: each answer is {@code application/problem+json} with the catalogue's
 * title, the request's path as {@code instance}, and the fields at fault for a 400.
 */
@WebMvcTest(controllers = ProblemHandlerTests.Things.class)
@WithMockUser(roles = "WAITER")
class ProblemHandlerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void namesEveryInvalidFieldOfAValidatedBody() {
		MvcTestResult result = this.mvc.post()
			.uri("/things")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \" \", \"count\": 0}")
			.exchange();

		assertProblem(result, HttpStatus.BAD_REQUEST, "Invalid request", "/things");
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"detail": "Invalid request: 'count' must be greater than or equal to 1; 'name' must not be blank",
				 "errors": [{"field": "count", "message": "must be greater than or equal to 1"},
				            {"field": "name", "message": "must not be blank"}]}
				""");
	}

	@Test
	void namesTheFieldOfAWrongType() {
		MvcTestResult result = this.mvc.post()
			.uri("/things")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"x\", \"count\": \"many\"}")
			.exchange();

		assertProblem(result, HttpStatus.BAD_REQUEST, "Invalid request", "/things");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("count");
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").asString().startsWith("must be a number");
	}

	@Test
	void namesTheBodyWhenItIsNotJson() {
		MvcTestResult result = this.mvc.post()
			.uri("/things")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": ")
			.exchange();

		assertProblem(result, HttpStatus.BAD_REQUEST, "Invalid request", "/things");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("body");
	}

	@Test
	void namesAPathVariableThatIsNotAUuid() {
		MvcTestResult result = this.mvc.get().uri("/things/not-a-uuid").exchange();

		assertProblem(result, HttpStatus.BAD_REQUEST, "Invalid request", "/things/not-a-uuid");
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"errors": [{"field": "id", "message": "must be a UUID (got 'not-a-uuid')"}]}
				""");
	}

	@Test
	void namesAMissingParameter() {
		MvcTestResult result = this.mvc.get().uri("/things").exchange();

		assertProblem(result, HttpStatus.BAD_REQUEST, "Invalid request", "/things");
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"errors": [{"field": "size", "message": "must be given"}]}
				""");
	}

	@Test
	void namesTheFieldOfABadInputFoundByTheDomain() {
		MvcTestResult result = this.mvc.get().uri("/things?size=13").exchange();

		assertProblem(result, HttpStatus.BAD_REQUEST, "Invalid request", "/things");
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"detail": "Invalid request: 'size' must not be unlucky",
				 "errors": [{"field": "size", "message": "must not be unlucky"}]}
				""");
	}

	@Test
	void answersAnUnknownThingWithNotFoundAndItsProperties() {
		UUID id = UUID.randomUUID();
		MvcTestResult result = this.mvc.get().uri("/things/{id}", id).exchange();

		assertProblem(result, HttpStatus.NOT_FOUND, "Not found", "/things/" + id);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"detail": "No thing %s", "thingId": "%s"}
				""".formatted(id, id));
	}

	@Test
	void answersAConcurrentChangeWithConflict() {
		assertProblem(this.mvc.post().uri("/things/concurrent").exchange(), HttpStatus.CONFLICT, "Concurrent change",
				"/things/concurrent");
	}

	@Test
	void answersADatabaseThatIsDownWithServiceUnavailableAndRetryAfter() {
		MvcTestResult result = this.mvc.post().uri("/things/database-down").exchange();

		assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", "/things/database-down");
		assertThat(result).hasHeader("Retry-After", "5");
	}

	@Test
	void answersSomethingUnavailableWithServiceUnavailableAndRetryAfter() {
		MvcTestResult result = this.mvc.post().uri("/things/unavailable").exchange();

		assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", "/things/unavailable");
		assertThat(result).hasHeader("Retry-After", "5");
	}

	@Test
	void answersAnUnexpectedErrorWithoutItsMessage() {
		MvcTestResult result = this.mvc.post().uri("/things/fire").exchange();

		assertProblem(result, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "/things/fire");
		assertThat(result).bodyText().doesNotContain("database on fire");
	}

	@Test
	void givesSpringsOwnErrorsTheCataloguesTitle() {
		assertProblem(this.mvc.put().uri("/things").exchange(), HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
				"/things");
		assertProblem(this.mvc.post().uri("/things").contentType(MediaType.TEXT_PLAIN).content("x").exchange(),
				HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "/things");
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status, String title, String instance) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status.value());
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo(title);
		assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo(instance);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Things.class)
	static class Service {

	}

	@RestController
	static class Things {

		@PostMapping("/things")
		Thing create(@Valid @RequestBody Thing thing) {
			return thing;
		}

		@GetMapping("/things")
		Thing list(@RequestParam int size) {
			if (size == 13) {
				throw new Unlucky();
			}
			return new Thing("x", size);
		}

		@GetMapping("/things/{id}")
		Thing read(@PathVariable UUID id) {
			throw new ThingNotFound(id);
		}

		@PostMapping("/things/concurrent")
		void concurrent() {
			throw new OptimisticLockingFailureException("changed");
		}

		@PostMapping("/things/database-down")
		void databaseDown() {
			throw new CannotCreateTransactionException("Connection refused");
		}

		@PostMapping("/things/unavailable")
		void unavailable() {
			throw new Away();
		}

		@PostMapping("/things/fire")
		void fire() {
			throw new IllegalStateException("database on fire");
		}

	}

	record Thing(@NotBlank String name, @Min(1) @Max(9) int count) {
	}

	static class ThingNotFound extends NotFoundException {

		private final UUID id;

		ThingNotFound(UUID id) {
			super("No thing " + id);
			this.id = id;
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("thingId", this.id);
		}

	}

	static class Unlucky extends BadInputException {

		Unlucky() {
			super("size", "must not be unlucky");
		}

	}

	static class Away extends UnavailableException {

		Away() {
			super("The thing keeper is away; try again in a moment", null);
		}

	}

}
