package org.example.restaurant.platform.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Something asked for by id does not exist (404).
 */
public abstract class NotFoundException extends DomainException {

	protected NotFoundException(String message) {
		super(HttpStatus.NOT_FOUND, message, null);
	}

	/**
	 * A missing resource with facts for the problem response.
	 * @param message the problem's detail
	 * @param properties the facts, such as {@code "orderId"}, added to the problem
	 */
	protected NotFoundException(String message, Map<String, Object> properties) {
		super(HttpStatus.NOT_FOUND, message, properties, null);
	}

}
