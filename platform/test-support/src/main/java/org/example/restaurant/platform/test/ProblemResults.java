package org.example.restaurant.platform.test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The services' one error model as {@code MockMvc} result matchers: a problem is
 * {@code application/problem+json} with its status on the response and in the body, and a
 * 400 for bad input names the field in {@code errors} and in the detail. For
 * {@code MockMvc.perform(...).andExpect(...)}, or {@code MockMvcTester}'s
 * {@code assertThat(...).matches(...)}.
 */
public final class ProblemResults {

	private ProblemResults() {
	}

	/**
	 * A problem of this status.
	 * @param status the expected status
	 * @return the matcher
	 */
	public static ResultMatcher problem(HttpStatus status) {
		return all(status().is(status.value()), content().contentType(MediaType.APPLICATION_PROBLEM_JSON),
				jsonPath("$.status").value(status.value()));
	}

	/**
	 * A problem of this status whose detail says {@code text}, such as the id it could
	 * not find.
	 * @param status the expected status
	 * @param text what the detail must contain
	 * @return the matcher
	 */
	public static ResultMatcher problem(HttpStatus status, String text) {
		return all(problem(status), jsonPath("$.detail").value(containsString(text)));
	}

	/**
	 * A 400 problem whose first error is about {@code field}, which its detail names too.
	 * @param field the name of the field or parameter, as the client sent it
	 * @return the matcher
	 */
	public static ResultMatcher invalid(String field) {
		return all(problem(HttpStatus.BAD_REQUEST, field), jsonPath("$.errors[0].field").value(field));
	}

	private static ResultMatcher all(ResultMatcher... matchers) {
		return (result) -> {
			for (ResultMatcher matcher : matchers) {
				matcher.match(result);
			}
		};
	}

}
