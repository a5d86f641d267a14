package org.example.restaurant.platform.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The request is well formed but the business refuses it, such as an order for an item
 * that is off the menu (422). Nothing was changed.
 */
public abstract class RefusalException extends DomainException {

	protected RefusalException(String message) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, message, null);
	}

	/**
	 * A refusal with facts for the problem response.
	 * @param message the problem's detail
	 * @param properties the facts, such as {@code "orderId"}, added to the problem
	 */
	protected RefusalException(String message, Map<String, Object> properties) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, message, properties, null);
	}

}
