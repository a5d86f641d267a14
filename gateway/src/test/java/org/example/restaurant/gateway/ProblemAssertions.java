package org.example.restaurant.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.jayway.jsonpath.JsonPath;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one error model (DESIGN.md, "Errors and input") as an assertion on a problem the
 * gateway made itself: {@code application/problem+json} with the status, the catalogue's
 * title, the request path as {@code instance}, a detail, and for a 400 the fields in
 * {@code errors}, for a 503 a {@code Retry-After}, and the gateway's
 * {@code X-Instance-Id} (it marks every answer it makes). The titles are written out in
 * the tests, not read from the gateway's catalogue, so that a changed title fails them.
 */
public final class ProblemAssertions {

	private ProblemAssertions() {
	}

	/**
	 * Use as {@code .expectBody().consumeWith(gatewayProblem(404, "Not found", "/x"))}.
	 * @param status the expected status
	 * @param title the expected title
	 * @param instance the expected instance: the request path
	 * @return the assertion
	 */
	public static Consumer<EntityExchangeResult<byte[]>> gatewayProblem(int status, String title, String instance) {
		return (result) -> {
			assertGatewayProblem(result.getStatus().value(), result.getResponseHeaders(),
					new String(result.getResponseBodyContent(), StandardCharsets.UTF_8), status, title, instance);
			// Every answer WebFlux handles carries its trace id (docs/observability.md);
			// a request target that is no URI never reaches WebFlux, and is read raw.
			assertThat(result.getResponseHeaders().getFirst("X-Trace-Id")).matches("[0-9a-f]{32}");
		};
	}

	/**
	 * Use after {@link #gatewayProblem}, as
	 * {@code gatewayProblem(...).andThen(detailNaming(
	 * "kitchen-service"))}: the detail tells the client what went wrong, such as which
	 * service.
	 * @param words what the detail must contain
	 * @return the assertion
	 */
	public static Consumer<EntityExchangeResult<byte[]>> detailNaming(String... words) {
		return (result) -> assertThat(
				(String) JsonPath.read(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8), "$.detail"))
			.contains(words);
	}

	/**
	 * The same for an answer read some other way.
	 * @param actualStatus the status of the answer
	 * @param headers its headers
	 * @param json its body
	 * @param status the expected status
	 * @param title the expected title
	 * @param instance the expected instance: the request path
	 */
	public static void assertGatewayProblem(int actualStatus, HttpHeaders headers, String json, int status,
			String title, String instance) {
		assertThat(actualStatus).isEqualTo(status);
		assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(headers.getFirst("X-Instance-Id")).isNotBlank();
		if (status == 503) {
			assertThat(headers.getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		}
		assertThat((Integer) JsonPath.read(json, "$.status")).isEqualTo(status);
		assertThat((String) JsonPath.read(json, "$.title")).isEqualTo(title);
		assertThat((String) JsonPath.read(json, "$.instance")).isEqualTo(instance);
		assertThat((String) JsonPath.read(json, "$.detail")).isNotBlank();
		if (status == 400) {
			List<Map<String, Object>> errors = JsonPath.read(json, "$.errors");
			assertThat(errors).isNotEmpty()
				.allSatisfy((error) -> assertThat(error).containsOnlyKeys("field", "message")
					.allSatisfy((key, value) -> assertThat(value).asString().isNotBlank()));
		}
	}

}
