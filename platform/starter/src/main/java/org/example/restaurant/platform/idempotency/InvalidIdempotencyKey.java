package org.example.restaurant.platform.idempotency;

import org.example.restaurant.platform.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The {@code Idempotency-Key} header is malformed (400). The problem names the header in
 * its detail and in {@code errors}, as a field error would.
 */
public class InvalidIdempotencyKey extends ErrorResponseException {

	InvalidIdempotencyKey(String reason) {
		super(HttpStatus.BAD_REQUEST, problem(reason), null);
	}

	private static ProblemDetail problem(String reason) {
		return Problems.invalid(IdempotentRequests.HEADER, reason);
	}

}
