package org.example.restaurant.staff.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem+json, in the one shape of the platform's {@code Problems}: title
 * {@value #NOT_SIGNED_IN} or {@value #NOT_ALLOWED}, the path as {@code instance}. Spring
 * Security's bearer token handlers set the status and {@code WWW-Authenticate}
 * ({@code Bearer}, with {@code error="invalid_token"} for a bad token); this adds the
 * body.
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	/** The title of a 401. */
	public static final String NOT_SIGNED_IN = "Not signed in";

	/** The title of a 403. */
	public static final String NOT_ALLOWED = "Not allowed";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final BearerTokenAccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		this.bearerEntryPoint.commence(request, response, authException);
		write(request, response, NOT_SIGNED_IN, "Sign in with your staff number and PIN, and send the token as "
				+ "'Authorization: Bearer ...'; a token that is missing, expired or not ours is refused");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.bearerAccessDenied.handle(request, response, accessDeniedException);
		write(request, response, NOT_ALLOWED, "Your roles do not allow this; ask a person whose roles do");
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, String title, String detail)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", response.getStatus());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
