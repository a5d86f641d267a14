package org.example.restaurant.platform.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one error model of the restaurant (RFC 9457, {@code application/problem+json}):
 * {@code status}, {@code title}, {@code detail} (a sentence a person can act on),
 * {@code instance} (the request's path) and, for every 400, {@code errors: [{"field",
 * "message"}]}. The same kind of failure has the same title in every service and in the
 * gateway, whose titles follow this catalogue (docs/api.md, "Errors"):
 * <table>
 * <tr>
 * <th>status</th>
 * <th>title</th>
 * </tr>
 * <tr>
 * <td>400</td>
 * <td>Invalid request</td>
 * </tr>
 * <tr>
 * <td>401</td>
 * <td>Not signed in (with {@code WWW-Authenticate: Bearer})</td>
 * </tr>
 * <tr>
 * <td>403</td>
 * <td>Not allowed</td>
 * </tr>
 * <tr>
 * <td>404</td>
 * <td>Not found</td>
 * </tr>
 * <tr>
 * <td>405</td>
 * <td>Method not allowed</td>
 * </tr>
 * <tr>
 * <td>406</td>
 * <td>Not acceptable</td>
 * </tr>
 * <tr>
 * <td>409</td>
 * <td>Conflict, or {@value #CONCURRENT_CHANGE} when another request changed the same
 * thing at the same moment</td>
 * </tr>
 * <tr>
 * <td>413</td>
 * <td>Request too large</td>
 * </tr>
 * <tr>
 * <td>415</td>
 * <td>Unsupported media type</td>
 * </tr>
 * <tr>
 * <td>422</td>
 * <td>Request refused</td>
 * </tr>
 * <tr>
 * <td>429</td>
 * <td>Too many requests</td>
 * </tr>
 * <tr>
 * <td>500</td>
 * <td>Internal error</td>
 * </tr>
 * <tr>
 * <td>502</td>
 * <td>Bad gateway</td>
 * </tr>
 * <tr>
 * <td>503</td>
 * <td>Service unavailable (with {@code Retry-After})</td>
 * </tr>
 * <tr>
 * <td>504</td>
 * <td>Gateway timeout</td>
 * </tr>
 * </table>
 * Any other status keeps its HTTP reason phrase.
 */
public final class Problems {

	/** The property that lists the fields at fault. */
	public static final String ERRORS = "errors";

	/**
	 * The title of a 409 caused by a concurrent change (optimistic locking, lock wait).
	 */
	public static final String CONCURRENT_CHANGE = "Concurrent change";

	private static final Map<Integer, String> TITLES = Map.ofEntries(Map.entry(400, "Invalid request"),
			Map.entry(401, "Not signed in"), Map.entry(403, "Not allowed"), Map.entry(404, "Not found"),
			Map.entry(405, "Method not allowed"), Map.entry(406, "Not acceptable"), Map.entry(409, "Conflict"),
			Map.entry(413, "Request too large"), Map.entry(415, "Unsupported media type"),
			Map.entry(422, "Request refused"), Map.entry(429, "Too many requests"), Map.entry(500, "Internal error"),
			Map.entry(502, "Bad gateway"), Map.entry(503, "Service unavailable"), Map.entry(504, "Gateway timeout"));

	private Problems() {
	}

	/**
	 * The title of a status.
	 * @param status an HTTP status
	 * @return its title in the catalogue, else its reason phrase
	 */
	public static String title(HttpStatusCode status) {
		String title = TITLES.get(status.value());
		if (title != null) {
			return title;
		}
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "Error " + status.value();
	}

	/**
	 * A problem with the catalogue's title.
	 * @param status its status
	 * @param detail what happened, a sentence a person can act on
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatusCode status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title(status));
		return problem;
	}

	/**
	 * A 400 naming the fields at fault, sorted by field, in {@code errors} and in the
	 * detail ({@code Invalid request: 'table' must not be blank; 'items' ...}).
	 * @param errors the fields at fault, at least one
	 * @return the problem
	 */
	public static ProblemDetail invalid(List<FieldProblem> errors) {
		List<FieldProblem> sorted = errors.stream()
			.sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
			.toList();
		String detail = sorted.stream()
			.map((error) -> "'" + error.field() + "' " + error.message())
			.collect(Collectors.joining("; ", "Invalid request: ", ""));
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, detail);
		problem.setProperty(ERRORS, sorted);
		return problem;
	}

	/**
	 * A 400 naming one field.
	 * @param field the field's path
	 * @param message what is wrong with it
	 * @return the problem
	 */
	public static ProblemDetail invalid(String field, String message) {
		return invalid(List.of(new FieldProblem(field, message)));
	}

}
