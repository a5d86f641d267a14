package org.example.restaurant.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * The request does not fit the current state of the resource, such as an illegal status
 * transition or an id that already exists (409). Nothing was changed.
 */
public abstract class ConflictException extends DomainException {

	protected ConflictException(String message) {
		super(HttpStatus.CONFLICT, message, null);
	}

}
