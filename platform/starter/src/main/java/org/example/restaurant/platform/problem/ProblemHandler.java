package org.example.restaurant.platform.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of a servlet service into {@code application/problem+json} in the one
 * shape of {@link Problems}: the catalogue's title for the status, the request's path as
 * {@code instance}, and for every 400 the fields at fault in {@code errors}.
 * <ul>
 * <li>Bad input (validation, malformed JSON, a wrong type, a missing parameter or header,
 * a {@link BadInputException}): 400 naming the fields.</li>
 * <li>A {@link DomainException}: its kind's status, its message as the detail, its
 * {@link DomainException#properties() properties} added.</li>
 * <li>A concurrent change (optimistic locking, a lock not had in time): 409
 * {@link Problems#CONCURRENT_CHANGE}; the request may be sent again.</li>
 * <li>The service's own database cannot be reached: 503 with {@code Retry-After}, one
 * warning line, no stack trace: a database restart is an outage, not a bug.</li>
 * <li>Anything else: 500, logged with its stack trace.</li>
 * </ul>
 * Expected 4xx are not logged with stack traces. Spring MVC's own exceptions (405, 406,
 * 415, an unknown path's 404, an {@code ErrorResponseException}) keep their status and
 * detail and get the catalogue's title.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Object> domain(DomainException ex, WebRequest request) {
		ProblemDetail problem = Problems.of(ex.status(), ex.getMessage());
		ex.properties().forEach(problem::setProperty);
		HttpHeaders headers = new HttpHeaders();
		if (ex instanceof UnavailableException unavailable) {
			headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(unavailable.retryAfter().toSeconds()));
		}
		return respond(problem, headers, request);
	}

	@ExceptionHandler(ConcurrencyFailureException.class)
	ResponseEntity<Object> concurrentChange(ConcurrencyFailureException ex, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT,
				"It was changed by another request at the same moment, and nothing was done; read it again and retry");
		problem.setTitle(Problems.CONCURRENT_CHANGE);
		return respond(problem, new HttpHeaders(), request);
	}

	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessResourceException.class })
	ResponseEntity<Object> databaseDown(RuntimeException ex, WebRequest request) {
		log.warn("Database unavailable, answered 503 to {}: {}", path(request), ex.toString());
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
				"The service cannot reach its database; nothing was done, try again in a moment");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(UnavailableException.RETRY_AFTER.toSeconds()));
		return respond(problem, headers, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error answering {}", path(request), ex);
		return respond(
				Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
						"Something went wrong on our side and has been logged; the request may be retried"),
				new HttpHeaders(), request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
		return handleExceptionInternal(ex, Problems.invalid(errors), headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				String field = (error instanceof FieldError fieldError) ? fieldError.getField() : name;
				errors.add(new FieldProblem(field, error.getDefaultMessage()));
			}
		});
		return handleExceptionInternal(ex, Problems.invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		String message = expectation(ex.getRequiredType()) + " (got '" + ex.getValue() + "')";
		return handleExceptionInternal(ex, Problems.invalid(name, message), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, Problems.invalid(ex.getParameterName(), "must be given"), headers,
				HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MissingRequestHeaderException missing) ? missing.getHeaderName() : "request";
		return handleExceptionInternal(ex, Problems.invalid(field, "must be given"), headers, HttpStatus.BAD_REQUEST,
				request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JacksonException jackson = findCause(ex, JacksonException.class);
		String field = (jackson != null) ? path(jackson) : "";
		ProblemDetail problem;
		if (jackson == null) {
			problem = Problems.invalid("body", "is missing or unreadable");
		}
		else if (field.isEmpty()) {
			problem = Problems.invalid("body", "is not well-formed JSON: " + jackson.getOriginalMessage());
		}
		else {
			String message = (jackson instanceof MismatchedInputException mismatch)
					? expectation(mismatch.getTargetType()) : "is malformed";
			if (jackson instanceof InvalidFormatException invalid && invalid.getValue() != null) {
				message = message + " (got '" + invalid.getValue() + "')";
			}
			problem = Problems.invalid(field, message);
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Every problem passes here: the catalogue's title where Spring gave the reason
	 * phrase, the request's path as {@code instance}, and {@code errors} on a 400 that
	 * has none.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			complete(problem, request);
		}
		return response;
	}

	private ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers, WebRequest request) {
		complete(problem, request);
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
	}

	private static void complete(ProblemDetail problem, WebRequest request) {
		HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
		HttpStatus known = HttpStatus.resolve(problem.getStatus());
		if (problem.getTitle() == null || (known != null && known.getReasonPhrase().equals(problem.getTitle()))) {
			problem.setTitle(Problems.title(status));
		}
		if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
			problem.setInstance(java.net.URI.create(servlet.getRequest().getRequestURI()));
		}
		if (status.value() == 400
				&& (problem.getProperties() == null || !problem.getProperties().containsKey(Problems.ERRORS))) {
			problem.setProperty(Problems.ERRORS, List
				.of(new FieldProblem("request", (problem.getDetail() != null) ? problem.getDetail() : "is invalid")));
		}
	}

	private static String path(WebRequest request) {
		if (request instanceof ServletWebRequest servlet) {
			HttpServletRequest http = servlet.getRequest();
			return http.getMethod() + " " + http.getRequestURI();
		}
		return request.getDescription(false);
	}

	private static String expectation(Class<?> type) {
		if (type == null) {
			return "has the wrong type";
		}
		if (type.isEnum()) {
			return "must be one of " + Arrays.toString(type.getEnumConstants());
		}
		if (UUID.class.equals(type)) {
			return "must be a UUID";
		}
		if (java.time.LocalDate.class.equals(type)) {
			return "must be a date like 2026-11-25 (YYYY-MM-DD)";
		}
		if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
			return "must be a number";
		}
		if (Boolean.class.equals(type) || boolean.class.equals(type)) {
			return "must be true or false";
		}
		if (List.class.isAssignableFrom(type) || type.isArray()) {
			return "must be a list";
		}
		if (String.class.equals(type)) {
			return "must be a string";
		}
		return "has the wrong type";
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

}
