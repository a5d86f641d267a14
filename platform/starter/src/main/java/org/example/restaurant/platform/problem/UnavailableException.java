package org.example.restaurant.platform.problem;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Something this service needs cannot answer now, such as the kitchen that must confirm a
 * cancellation (503 with {@code Retry-After}). Nothing was changed, so the client may
 * simply try again after the wait.
 */
public abstract class UnavailableException extends DomainException {

	/** How long a client is told to wait, unless a subclass says otherwise. */
	public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	protected UnavailableException(String message, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, message, cause);
	}

	/**
	 * An outage with facts for the problem response.
	 * @param message the problem's detail
	 * @param properties the facts, such as {@code "orderId"}, added to the problem
	 * @param cause what failed
	 */
	protected UnavailableException(String message, Map<String, Object> properties, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, message, properties, cause);
	}

	/**
	 * How long the client should wait before it tries again.
	 * @return the wait, sent as {@code Retry-After} in whole seconds
	 */
	public Duration retryAfter() {
		return RETRY_AFTER;
	}

}
