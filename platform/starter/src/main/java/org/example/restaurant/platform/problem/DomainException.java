package org.example.restaurant.platform.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Base of the exceptions that state a business fact ({@code OrderNotReady},
 * {@code MenuItemNotFound}). A service extends one of the kinds, each one HTTP status
 * with one title in every service ({@link Problems}): {@link BadInputException} (400),
 * {@link NotFoundException} (404), {@link ConflictException} (409),
 * {@link RefusalException} (422), {@link UnavailableException} (503). The message is the
 * problem's detail, so it must be a sentence a person can act on.
 */
public abstract class DomainException extends RuntimeException {

	private final HttpStatus status;

	private final Map<String, Object> properties;

	DomainException(HttpStatus status, String message, Throwable cause) {
		this(status, message, Map.of(), cause);
	}

	DomainException(HttpStatus status, String message, Map<String, Object> properties, Throwable cause) {
		super(message, cause);
		this.status = status;
		this.properties = Map.copyOf(properties);
	}

	/**
	 * The HTTP status of this kind of fact.
	 * @return the status
	 */
	public HttpStatus status() {
		return this.status;
	}

	/**
	 * Extra facts to add to the problem response, such as the id of the order.
	 * @return properties by name: those given to the constructor, empty by default
	 */
	public Map<String, Object> properties() {
		return this.properties;
	}

}
