package org.example.restaurant.orders.idempotency;

import java.util.List;
import java.util.Map;

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
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid request: " + IdempotentRequests.HEADER + " " + reason);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.of(Map.of("field", IdempotentRequests.HEADER, "message", reason)));
		return problem;
	}

}
