package org.example.restaurant.gateway.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request the gateway refuses itself, with the headers the answer must carry (such as
 * {@code WWW-Authenticate} or {@code Retry-After}). Raised from a filter, it reaches
 * {@link ProblemErrorHandler}, which answers it as a problem in the one error shape: the
 * status, the catalogue's title, this detail, and these headers.
 */
public class Refusal extends ResponseStatusException {

	private final HttpHeaders headers;

	/**
	 * A refusal.
	 * @param status its status
	 * @param detail what a person can do about it
	 * @param headers the headers the answer carries
	 */
	public Refusal(HttpStatus status, String detail, HttpHeaders headers) {
		super(status, detail);
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

}
