package org.example.restaurant.platform.problem;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request's field holds a value the business cannot take, found past bean validation
 * (such as a tendered amount on a card payment): 400, the field named in {@code errors}
 * as validation would name it. Nothing was changed.
 */
public abstract class BadInputException extends DomainException {

	private final FieldProblem problem;

	protected BadInputException(String field, String message) {
		super(HttpStatus.BAD_REQUEST, "Invalid request: '" + field + "' " + message, null);
		this.problem = new FieldProblem(field, message);
	}

	/**
	 * The field at fault.
	 * @return its path and what is wrong with it
	 */
	public FieldProblem fieldProblem() {
		return this.problem;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of(Problems.ERRORS, List.of(this.problem));
	}

}
