package org.example.restaurant.platform.catalogue;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The titles of the project's one error model (DESIGN.md, "Errors and input"): the same
 * kind of failure has the same title whether a service or the gateway answers it. The
 * services' shared handler ({@code platform.problem.Problems}) and every problem the
 * gateway makes itself take their titles from here, by status. Problems that come from a
 * service pass through the gateway as the service wrote them.
 * <p>
 * Two kinds of 409 share a status: {@link #of(HttpStatusCode)} gives the first,
 * {@link #CONFLICT}; a service names {@link #CONCURRENT_CHANGE} itself.
 */
public enum ProblemTitle {

	/** 400: any bad input; the problem lists it in {@code errors}. */
	INVALID_REQUEST(HttpStatus.BAD_REQUEST, "Invalid request"),

	/**
	 * 401: no access token, a bad one (expired, wrongly signed, another issuer), or a
	 * failed sign-in; with {@code WWW-Authenticate: Bearer}.
	 */
	NOT_SIGNED_IN(HttpStatus.UNAUTHORIZED, "Not signed in"),

	/** 403: signed in, but the token's roles do not allow the call. */
	NOT_ALLOWED(HttpStatus.FORBIDDEN, "Not allowed"),

	/** 404: an unknown resource or path. */
	NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),

	/** 405. */
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),

	/** 406. */
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),

	/** 409: a domain conflict. */
	CONFLICT(HttpStatus.CONFLICT, "Conflict"),

	/** 409: a concurrent change. */
	CONCURRENT_CHANGE(HttpStatus.CONFLICT, "Concurrent change"),

	/** 413: a body too large. */
	REQUEST_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Request too large"),

	/** 415. */
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),

	/** 422: a business refusal. */
	REQUEST_REFUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Request refused"),

	/** 429. */
	TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),

	/** 500: anything unexpected. */
	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),

	/** 502: a service broke off the exchange. */
	BAD_GATEWAY(HttpStatus.BAD_GATEWAY, "Bad gateway"),

	/** 503: a service down, its circuit open, or no instance of it; with Retry-After. */
	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),

	/** 504: a service that did not answer in time. */
	GATEWAY_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "Gateway timeout");

	private final HttpStatus status;

	private final String title;

	ProblemTitle(HttpStatus status, String title) {
		this.status = status;
		this.title = title;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	/**
	 * The title for a status the gateway answers with.
	 * @param status the status of the problem
	 * @return the catalogue's title, or for a status outside the catalogue (the gateway
	 * makes none) its reason phrase
	 */
	public static String of(HttpStatusCode status) {
		for (ProblemTitle entry : values()) {
			if (entry.status.value() == status.value()) {
				return entry.title;
			}
		}
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "Error " + status.value();
	}

}
