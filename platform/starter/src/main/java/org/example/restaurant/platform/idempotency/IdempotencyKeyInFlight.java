package org.example.restaurant.platform.idempotency;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request arrived with a key whose first request is still being processed (409, as the
 * draft requires): the client should wait and retry with the same key, and will then get
 * the first request's response.
 */
public class IdempotencyKeyInFlight extends ErrorResponseException {

	IdempotencyKeyInFlight(IdempotencyKey key) {
		super(HttpStatus.CONFLICT, problem(key), null);
	}

	private static ProblemDetail problem(IdempotencyKey key) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"A request with " + IdempotentRequests.HEADER + " '" + key.value()
						+ "' is still being processed; retry with the same key in a moment to get its response");
		problem.setTitle("Request with this key in progress");
		return problem;
	}

}
