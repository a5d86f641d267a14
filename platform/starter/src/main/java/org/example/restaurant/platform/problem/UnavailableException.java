package org.example.restaurant.platform.problem;

import java.time.Duration;

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
	 * How long the client should wait before it tries again.
	 * @return the wait, sent as {@code Retry-After} in whole seconds
	 */
	public Duration retryAfter() {
		return RETRY_AFTER;
	}

}
