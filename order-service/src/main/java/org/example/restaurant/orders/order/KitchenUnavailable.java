package org.example.restaurant.orders.order;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The kitchen could not confirm a cancellation (no instance, unreachable, timeout, an
 * error): 503 with {@code Retry-After}. Nothing changed, so the waiter may simply try
 * again.
 */
public class KitchenUnavailable extends ErrorResponseException {

	/** Seconds a client should wait before it asks again. */
	static final int RETRY_AFTER_SECONDS = 5;

	public KitchenUnavailable(UUID orderId, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(orderId), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
	}

	private static ProblemDetail problem(UUID orderId) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The kitchen cannot confirm the cancellation of order " + orderId
						+ " now; the order is unchanged, try again in a moment");
		problem.setTitle("Kitchen unavailable");
		problem.setProperty("orderId", orderId);
		return problem;
	}

}
