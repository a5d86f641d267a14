package org.example.restaurant.platform.idempotency;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A key was sent again with a different request than the one it was first used for (422,
 * as the draft requires): nothing is done, and the first request's result stands.
 */
public class IdempotencyKeyReused extends ErrorResponseException {

	IdempotencyKeyReused(IdempotencyKey key) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problem(key), null);
	}

	private static ProblemDetail problem(IdempotencyKey key) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				IdempotentRequests.HEADER + " '" + key.value()
						+ "' was already used for a different request; send a new key for a new request");
		problem.setTitle("Idempotency-Key reused");
		return problem;
	}

}
