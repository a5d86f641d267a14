package org.example.restaurant.staff.account;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A sign-in that failed (401 {@value #TITLE}, {@code WWW-Authenticate: Bearer}): one
 * answer for an unknown number, a wrong PIN and a person who was deactivated, so the
 * answer tells nobody which numbers exist.
 */
public class SignInRefused extends ErrorResponseException {

	/** The title of every 401 (docs/security.md, "Problems"). */
	public static final String TITLE = "Not signed in";

	SignInRefused() {
		super(HttpStatus.UNAUTHORIZED, problem(), null);
		getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"The staff number or the PIN is wrong; try again");
		problem.setTitle(TITLE);
		return problem;
	}

}
