package org.example.restaurant.cashier.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.example.restaurant.cashier.bill.BillAlreadyPaid;
import org.example.restaurant.cashier.bill.BillNotFound;
import org.example.restaurant.cashier.bill.CashTenderedTooLow;
import org.example.restaurant.cashier.bill.InvalidPayment;
import org.example.restaurant.cashier.bill.PaymentExceedsBalance;
import org.example.restaurant.cashier.bill.PaymentNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into {@code application/problem+json} (RFC 9457). Bad input is a 400
 * whose {@code errors} property lists {@code {"field", "message"}} and whose detail names
 * the fields; an unknown bill is a 404; paying a paid bill (or one changed under us) a
 * 409; a payment the bill refuses a 422. Expected 4xx are not logged with stack traces;
 * anything unexpected is a 500, logged in full. The idempotency package's refusals are
 * {@link org.springframework.web.ErrorResponseException}s carrying their own problem,
 * which the base class renders.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler({ BillNotFound.class, PaymentNotFound.class })
	ProblemDetail notFound(RuntimeException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(BillAlreadyPaid.class)
	ProblemDetail alreadyPaid(BillAlreadyPaid ex) {
		return problem(HttpStatus.CONFLICT, "Bill already paid", ex.getMessage());
	}

	/**
	 * The bill was changed under us (optimistic locking), or its row stayed locked by
	 * other payments for longer than the database waits: nothing was taken, and the same
	 * request may be sent again.
	 */
	@ExceptionHandler(ConcurrencyFailureException.class)
	ProblemDetail concurrentChange(ConcurrencyFailureException ex) {
		return problem(HttpStatus.CONFLICT, "Changed concurrently",
				"The bill was changed by another request at the same time; read it again and retry");
	}

	@ExceptionHandler(PaymentExceedsBalance.class)
	ProblemDetail overpayment(PaymentExceedsBalance ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Payment exceeds balance due",
				ex.getMessage());
		problem.setProperty("balanceDue", ex.getBalanceDue());
		return problem;
	}

	@ExceptionHandler(CashTenderedTooLow.class)
	ProblemDetail tenderedTooLow(CashTenderedTooLow ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Cash tendered too low", ex.getMessage());
		problem.setProperty("errors",
				List.of(Map.of("field", "tendered", "message", "must cover the amount plus the tip")));
		return problem;
	}

	@ExceptionHandler(InvalidPayment.class)
	ProblemDetail invalidPayment(InvalidPayment ex) {
		return invalid(List.of(new FieldProblem(ex.getField(), ex.getReason())));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Something went wrong on our side; the request may be retried");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getAllErrors()
			.stream()
			.map((error) -> new FieldProblem(
					(error instanceof FieldError field) ? field.getField() : error.getObjectName(),
					error.getDefaultMessage()))
			.toList();
		return handleExceptionInternal(ex, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(ex, invalid(List.of(new FieldProblem(ex.getParameterName(), "must be given"))),
				headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		Class<?> type = ex.getRequiredType();
		String message;
		if (type != null && type.isEnum()) {
			message = "must be one of " + constants(type);
		}
		else if (type == LocalDate.class) {
			message = "must be a date like 2026-11-25 (YYYY-MM-DD), not '" + ex.getValue() + "'";
		}
		else {
			message = "must be a " + ((type != null) ? type.getSimpleName() : "valid value") + ", not '" + ex.getValue()
					+ "'";
		}
		return handleExceptionInternal(ex, invalid(List.of(new FieldProblem(name, message))), headers,
				HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem;
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			problem = invalid(List.of(new FieldProblem(path(jackson), reason(jackson))));
		}
		else {
			problem = problem(HttpStatus.BAD_REQUEST, "Bad request",
					"The request body is missing or is not valid JSON");
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
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

	private static String reason(JacksonException ex) {
		if (ex instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			return "must be one of " + constants(invalid.getTargetType()) + ", not '" + invalid.getValue() + "'";
		}
		if (ex instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
			return "must be a valid " + mismatched.getTargetType().getSimpleName();
		}
		return "is malformed";
	}

	private static String constants(Class<?> enumType) {
		return java.util.Arrays.stream(enumType.getEnumConstants())
			.map(String::valueOf)
			.collect(Collectors.joining(", "));
	}

	private static ProblemDetail invalid(List<FieldProblem> errors) {
		String detail = errors.stream()
			.map((error) -> error.field() + " " + error.message())
			.collect(Collectors.joining("; ", "Invalid request: ", ""));
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
		problem.setProperty("errors",
				errors.stream().map((error) -> Map.of("field", error.field(), "message", error.message())).toList());
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	private record FieldProblem(String field, String message) {
	}

}
