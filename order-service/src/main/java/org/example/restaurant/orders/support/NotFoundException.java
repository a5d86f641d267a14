package org.example.restaurant.orders.support;

/**
 * Something asked for by id does not exist (404).
 */
public abstract class NotFoundException extends DomainException {

	protected NotFoundException(String message) {
		super(message);
	}

}
