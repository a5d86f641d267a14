package org.example.restaurant.platform.problem;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.example.restaurant.platform.catalogue.ProblemTitle;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The one error model of the restaurant (RFC 9457, {@code application/problem+json}):
 * {@code status}, {@code title}, {@code detail} (a sentence a person can act on),
 * {@code instance} (the request's path) and, for every 400, {@code errors: [{"field",
 * "message"}]}. The same kind of failure has the same title in every service and in the
 * gateway: the titles of {@link ProblemTitle}, the one catalogue (docs/api.md, "Errors"),
 * with a 409 of a concurrent change titled {@link #CONCURRENT_CHANGE}. Any other status
 * keeps its HTTP reason phrase.
 */
public final class Problems {

	/** The property that lists the fields at fault. */
	public static final String ERRORS = "errors";

	/**
	 * The title of a 409 caused by a concurrent change (optimistic locking, lock wait).
	 */
	public static final String CONCURRENT_CHANGE = ProblemTitle.CONCURRENT_CHANGE.title();

	private Problems() {
	}

	/**
	 * The title of a status.
	 * @param status an HTTP status
	 * @return its title in the catalogue, else its reason phrase
	 */
	public static String title(HttpStatusCode status) {
		return ProblemTitle.of(status);
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
