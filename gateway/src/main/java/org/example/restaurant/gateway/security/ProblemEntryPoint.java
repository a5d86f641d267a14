package org.example.restaurant.gateway.security;

import java.util.ArrayList;
import java.util.List;

import org.example.restaurant.gateway.web.Refusal;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a call without a token, or with a bad one, with a 401 problem
 * ({@code Not signed
 * in}) in the gateway's one error shape. The challenge is the one Spring Security's
 * {@code BearerTokenServerAuthenticationEntryPoint} sets (RFC 6750, section 3):
 * {@code WWW-Authenticate: Bearer} without a token, and with
 * {@code error="invalid_token"} and its description for a bad one; only the body is
 * added, so the front-of-house app can show what to do.
 */
final class ProblemEntryPoint implements ServerAuthenticationEntryPoint {

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge(ex));
		String detail = (ex instanceof OAuth2AuthenticationException)
				? "The access token was refused (it may have expired: tokens last 15 minutes); sign in again with"
						+ " POST /api/staff/login."
				: "This call needs a staff member's access token: sign in with POST /api/staff/login and send the"
						+ " token as 'Authorization: Bearer <token>'.";
		return Mono.error(new Refusal(HttpStatus.UNAUTHORIZED, detail, headers));
	}

	static String challenge(AuthenticationException ex) {
		if (!(ex instanceof OAuth2AuthenticationException oauth)) {
			return "Bearer";
		}
		OAuth2Error error = oauth.getError();
		List<String> parameters = new ArrayList<>();
		parameters.add(parameter("error", error.getErrorCode()));
		if (error.getDescription() != null) {
			parameters.add(parameter("error_description", error.getDescription()));
		}
		if (error.getUri() != null) {
			parameters.add(parameter("error_uri", error.getUri()));
		}
		return "Bearer " + String.join(", ", parameters);
	}

	private static String parameter(String name, String value) {
		// A quoted-string (RFC 9110, section 5.6.4): no raw quote, backslash or line
		// break.
		String quoted = value.replaceAll("[\\r\\n]+", " ").replace("\\", "\\\\").replace("\"", "\\\"");
		return name + "=\"" + quoted + "\"";
	}

}
