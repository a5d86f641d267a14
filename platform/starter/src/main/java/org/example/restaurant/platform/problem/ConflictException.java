package org.example.restaurant.platform.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The request does not fit the current state of the resource, such as an illegal status
 * transition or an id that already exists (409). Nothing was changed.
 */
public abstract class ConflictException extends DomainException {

	protected ConflictException(String message) {
		super(HttpStatus.CONFLICT, message, null);
	}

	/**
	 * A conflict with facts for the problem response.
	 * @param message the problem's detail
	 * @param properties the facts, such as {@code "orderId"}, added to the problem
	 */
	protected ConflictException(String message, Map<String, Object> properties) {
		super(HttpStatus.CONFLICT, message, properties, null);
	}

}
