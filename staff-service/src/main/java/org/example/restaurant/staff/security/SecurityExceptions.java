package org.example.restaurant.staff.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Hands a refusal of method security ({@code @PreAuthorize}) back to Spring Security's
 * filter, which answers it with {@link ProblemResponses} (401 or 403). Without this the
 * platform's {@code ProblemHandler}, which turns every other exception into a 500, would
 * take it.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityExceptions {

	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void rethrow(RuntimeException ex) {
		throw ex;
	}

}
