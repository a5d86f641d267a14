package org.example.restaurant.staff.account;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The number had too many wrong PINs in a row and is locked (429 {@code Too many
 * requests}, {@code Retry-After} in whole seconds): refused whoever asks, with the right
 * PIN too, until the lock ends or a manager sets a new PIN.
 */
public class StaffNumberLocked extends ErrorResponseException {

	StaffNumberLocked(Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, problem(retryAfter), null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds(retryAfter)));
	}

	private static ProblemDetail problem(Duration retryAfter) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many wrong PINs in a row: this staff number is locked; try again in " + seconds(retryAfter)
						+ " seconds, or ask a manager to set a new PIN");
	}

	private static long seconds(Duration wait) {
		long seconds = wait.toSeconds() + ((wait.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
