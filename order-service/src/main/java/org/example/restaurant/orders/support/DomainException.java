package org.example.restaurant.orders.support;

import java.util.Map;

/**
 * Base of the exceptions that state a business fact ({@code OrderNotReady},
 * {@code MenuItemNotFound}). The web layer maps each kind (not found, conflict, refusal)
 * to one HTTP status; the message is the problem's detail, so it must be a sentence a
 * person can act on.
 */
public abstract class DomainException extends RuntimeException {

	protected DomainException(String message) {
		super(message);
	}

	/**
	 * Extra facts to add to the problem response, such as the id of the order.
	 * @return properties by name, empty by default
	 */
	public Map<String, Object> properties() {
		return Map.of();
	}

}
