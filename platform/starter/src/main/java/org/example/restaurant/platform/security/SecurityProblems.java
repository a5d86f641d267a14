package org.example.restaurant.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.example.restaurant.platform.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 in the one error model: the resource server's own entry point and access
 * denied handler set the status and {@code WWW-Authenticate: Bearer} (with
 * {@code error="invalid_token"} for a bad token, RFC 6750), and this writes the
 * problem+json body with the catalogue's title ({@code Not signed in},
 * {@code Not allowed}).
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final AuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	private final AccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

	private final JsonMapper json;

	public SecurityProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException, ServletException {
		this.bearer.commence(request, response, ex);
		String detail = (ex instanceof InvalidBearerTokenException)
				? "The access token was refused (" + ex.getMessage() + "): sign in again."
				: "Sign in first: this call needs an access token (Authorization: Bearer ...).";
		write(request, response, HttpStatus.UNAUTHORIZED, detail);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException, ServletException {
		this.denied.handle(request, response, ex);
		write(request, response, HttpStatus.FORBIDDEN,
				"The signed-in person or service may not make this call: it needs another role.");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", Problems.title(status));
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
