package org.example.restaurant.platform.test;

import org.springframework.test.web.servlet.ResultMatcher;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A polled list's answers to a conditional {@code GET} as {@code MockMvc} result
 * matchers: the list with its version as the {@code ETag}, or {@code 304 Not Modified}
 * while the version the client sent in {@code If-None-Match} still holds.
 */
public final class ConditionalResults {

	private ConditionalResults() {
	}

	/**
	 * 200 with this {@code ETag}, and no other.
	 * @param etag the expected entity tag, quotes included, such as {@code "menu-7"}
	 * @return the matcher
	 */
	public static ResultMatcher current(String etag) {
		return (result) -> {
			status().isOk().match(result);
			header().stringValues("ETag", etag).match(result);
		};
	}

	/**
	 * 304 with this {@code ETag}, and no body.
	 * @param etag the expected entity tag, quotes included
	 * @return the matcher
	 */
	public static ResultMatcher notModified(String etag) {
		return (result) -> {
			status().isNotModified().match(result);
			header().stringValues("ETag", etag).match(result);
			content().string("").match(result);
		};
	}

}
