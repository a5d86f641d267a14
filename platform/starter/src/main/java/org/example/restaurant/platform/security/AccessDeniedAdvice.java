package org.example.restaurant.platform.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A method security refusal ({@code @PreAuthorize} on a controller or service) is thrown
 * inside Spring MVC, where the platform's catch-all error handler would make it a 500:
 * this answers it as the filter chain does, before that handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessDeniedAdvice {

	private final SecurityProblems problems;

	AccessDeniedAdvice(SecurityProblems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(AccessDeniedException.class)
	void denied(AccessDeniedException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException, ServletException {
		this.problems.handle(request, response, ex);
	}

	@ExceptionHandler(AuthenticationException.class)
	void unauthenticated(AuthenticationException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException, ServletException {
		this.problems.commence(request, response, ex);
	}

}
