package org.example.restaurant.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * Something asked for by id does not exist (404).
 */
public abstract class NotFoundException extends DomainException {

	protected NotFoundException(String message) {
		super(HttpStatus.NOT_FOUND, message, null);
	}

}
