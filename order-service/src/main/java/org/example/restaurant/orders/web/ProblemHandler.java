package org.example.restaurant.orders.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.example.restaurant.orders.support.ConflictException;
import org.example.restaurant.orders.support.DomainException;
import org.example.restaurant.orders.support.NotFoundException;
import org.example.restaurant.orders.support.RefusalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an {@code application/problem+json} response (RFC 9457).
 *
 * <p>
 * Bad input is a 400 whose detail names the offending field(s) and whose {@code errors}
 * property lists them as {@code {"field", "message"}}; unknown ids are 404, illegal
 * transitions and concurrent changes 409, business refusals 422. Expected 4xx are not
 * logged with stack traces; anything unexpected is a 500, logged with its stack trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex);
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return problem(HttpStatus.CONFLICT, "Conflict", ex);
	}

	@ExceptionHandler(RefusalException.class)
	ProblemDetail refused(RefusalException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Request refused", ex);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"The resource was changed by another request at the same time; read it again and retry");
		problem.setTitle("Concurrent change");
		return problem;
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"An unexpected error occurred; it has been logged");
		problem.setTitle("Internal error");
		return problem;
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
		return handleExceptionInternal(ex, invalid(ex.getBody(), errors), headers, status, request);
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
		return handleExceptionInternal(ex, invalid(ex.getBody(), errors), headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		String message = expectation(ex.getRequiredType());
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle("Bad Request");
		problem.setDetail("Parameter '" + name + "' " + message + " (got '" + ex.getValue() + "')");
		problem.setProperty("errors", List.of(new FieldProblem(name, message)));
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle("Bad Request");
		JacksonException jackson = findCause(ex, JacksonException.class);
		String field = (jackson != null) ? path(jackson) : "";
		if (jackson == null) {
			problem.setDetail("The request body is missing or unreadable");
		}
		else if (field.isEmpty()) {
			problem.setDetail("The request body is not well-formed JSON: " + jackson.getOriginalMessage());
		}
		else {
			String message = (jackson instanceof MismatchedInputException mismatch)
					? expectation(mismatch.getTargetType()) : "is malformed";
			if (jackson instanceof InvalidFormatException invalid && invalid.getValue() != null) {
				message = message + " (got '" + invalid.getValue() + "')";
			}
			problem.setDetail("Field '" + field + "' " + message);
			problem.setProperty("errors", List.of(new FieldProblem(field, message)));
		}
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	private static ProblemDetail problem(HttpStatus status, String title, DomainException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title);
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	private static ProblemDetail invalid(ProblemDetail problem, List<FieldProblem> errors) {
		List<FieldProblem> sorted = errors.stream()
			.sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
			.toList();
		String detail = sorted.stream()
			.map((error) -> "'" + error.field() + "' " + error.message())
			.collect(Collectors.joining("; "));
		problem.setTitle("Invalid request");
		problem.setDetail("Invalid request: " + detail);
		problem.setProperty("errors", sorted);
		return problem;
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

	/**
	 * One invalid field of a request.
	 *
	 * @param field the field's path, e.g. {@code items[0].quantity}
	 * @param message what is wrong with it
	 */
	record FieldProblem(String field, String message) {

	}

}
