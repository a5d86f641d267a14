package org.example.restaurant.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * The request is well formed but the business refuses it, such as an order for an item
 * that is off the menu (422). Nothing was changed.
 */
public abstract class RefusalException extends DomainException {

	protected RefusalException(String message) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, message, null);
	}

}
