package org.example.restaurant.platform.problem;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
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
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The one error model on a servlet service, through a controller that fails in every way
 * a service can: each answer is {@code application/problem+json} with the catalogue's
 * title, the request's path as {@code instance}, and the fields at fault for a 400.
 */
@WebMvcTest(controllers = ProblemHandlerTests.Things.class)
@WithMockUser(roles = "WAITER")
@Import(ProblemHandlerTests.Things.class)
class ProblemHandlerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void namesEveryInvalidFieldOfAValidatedBody() {
		MvcTestResult result = postThing("{\"name\": \" \", \"count\": 0}");

		assertProblem(result, HttpStatus.BAD_REQUEST, "Invalid request", "/things");
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"detail": "Invalid request: 'count' must be greater than or equal to 1; 'name' must not be blank",
				 "errors": [{"field": "count", "message": "must be greater than or equal to 1"},
				            {"field": "name", "message": "must not be blank"}]}
				""");
	}

	@Test
	void namesTheFieldOfAWrongType() {
		MvcTestResult result = postThing("{\"name\": \"x\", \"count\": \"many\"}");

		assertProblem(result, HttpStatus.BAD_REQUEST, "Invalid request", "/things");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("count");
		assertThat(result).bodyJson().extractingPath("$.errors[0].message").asString().startsWith("must be a number");
	}

	@Test
	void namesTheBodyWhenItIsNotJson() {
		MvcTestResult result = postThing("{\"name\": ");

		assertProblem(result, HttpStatus.BAD_REQUEST, "Invalid request", "/things");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("body");
	}

	static Stream<Arguments> parametersAtFault() {
		String notAUuid = """
				{"errors": [{"field": "id", "message": "must be a UUID (got 'not-a-uuid')"}]}
				""";
		String missing = """
				{"errors": [{"field": "size", "message": "must be given"}]}
				""";
		String foundByTheDomain = """
				{"detail": "Invalid request: 'size' must not be unlucky",
				 "errors": [{"field": "size", "message": "must not be unlucky"}]}
				""";
		return Stream.of(
				arguments(named("a path variable that is not a UUID", "/things/not-a-uuid"), "/things/not-a-uuid",
						notAUuid),
				arguments(named("a missing parameter", "/things"), "/things", missing),
				arguments(named("a bad input found by the domain", "/things?size=13"), "/things", foundByTheDomain));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("parametersAtFault")
	void namesTheParameterAtFault(String uri, String instance, String problem) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();

		assertProblem(result, HttpStatus.BAD_REQUEST, "Invalid request", instance);
		assertThat(result).bodyJson().isLenientlyEqualTo(problem);
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

	@ParameterizedTest
	@ValueSource(strings = { "/things/database-down", "/things/unavailable" })
	void answersADatabaseThatIsDownOrSomethingElseUnavailableWithServiceUnavailableAndRetryAfter(String path) {
		MvcTestResult result = this.mvc.post().uri(path).exchange();

		assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", path);
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

	private MvcTestResult postThing(String json) {
		return this.mvc.post().uri("/things").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private static void assertProblem(MvcTestResult result, HttpStatus status, String title, String instance) {
		assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status.value());
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo(title);
		assertThat(result).bodyJson().extractingPath("$.instance").isEqualTo(instance);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().isNotBlank();
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
