package org.example.restaurant.gateway.web;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.example.restaurant.platform.catalogue.ProblemTitle;
import org.example.restaurant.gateway.GatewaySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers every error the gateway meets as {@code application/problem+json} in the
 * project's one error model: {@code status}, the {@link ProblemTitle title} every service
 * gives the same kind of failure, a {@code detail} that says what to do, and the request
 * path as {@code instance}. An unknown path is a 404, a method the address does not take
 * a 405, a body over the limit a 413, a service with no live instance (or one that
 * refuses the connection, or whose circuit is open) a 503 with {@code Retry-After}, a
 * service that breaks off the exchange a 502, a service too slow a 504, a token that
 * cannot be checked because the staff-service's keys cannot be fetched a 503. Refusals of
 * the gateway's own ({@link Refusal}: 401, 403, 429) carry their headers. A failing
 * service never makes the gateway answer 500. Only the unexpected is logged with a stack
 * trace. What a service answers, errors included, passes through unchanged and never gets
 * here; nor does a request target that is no URI, which {@link MalformedRequestTarget}
 * answers with a 400 of the same shape.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

	/**
	 * Seconds a client should wait after a 503 ({@code gateway.retry-after}): the circuit
	 * breakers' wait in the open state, and long enough for the registry to list a
	 * restarted instance.
	 */
	private final String retryAfterSeconds;

	private final ServerResponse.Context context;

	ProblemErrorHandler(ServerCodecConfigurer codecs, GatewaySettings settings) {
		this.retryAfterSeconds = String.valueOf(Math.max(1, settings.retryAfter().toSeconds()));
		this.context = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return codecs.getWriters();
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}

		};
	}

	private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		forgetTheRoutedAnswer(exchange);
		return Mono.deferContextual((context) -> {
			// The request's trace in the MDC for the lines toProblem logs (the gateway's
			// context propagation is limited: application.yml)
			try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
				return answer(exchange, ex, toProblem(exchange, ex));
			}
		});
	}

	/**
	 * Takes off the response the headers a service's answer brought before the exchange
	 * failed: a service whose body stops coming after its headers (the response timeout
	 * counts between reads) leaves its status line's headers on the response, and the
	 * gateway's 504 would carry them, its {@code X-Instance-Id}, {@code Location} and
	 * {@code ETag} among them, as if the service had answered. What the gateway's own
	 * filters set stays.
	 */
	private static void forgetTheRoutedAnswer(ServerWebExchange exchange) {
		Set<String> routed = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_HEADER_NAMES);
		if (routed != null) {
			routed.forEach(exchange.getResponse().getHeaders()::remove);
		}
	}

	private Mono<Void> answer(ServerWebExchange exchange, Throwable ex, ProblemDetail problem) {
		HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
		problem.setTitle(ProblemTitle.of(status));
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		ServerResponse.BodyBuilder response = ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (ex instanceof ResponseStatusException rse) {
			// Allow for a 405, for instance.
			response.headers((headers) -> headers.addAll(rse.getHeaders()));
		}
		if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			response.header(HttpHeaders.RETRY_AFTER, this.retryAfterSeconds);
		}
		return response.bodyValue(problem).flatMap((r) -> r.writeTo(exchange, this.context));
	}

	/**
	 * The status, detail and extra properties of the problem for an error; the title and
	 * instance are set by {@link #handle}.
	 */
	private ProblemDetail toProblem(ServerWebExchange exchange, Throwable ex) {
		// A token could not be checked at all: the staff-service's keys could not be
		// fetched (they are fetched once, then kept, so this happens only at the start or
		// for a new key while the staff-service is down).
		if (hasCause(ex, AuthenticationServiceException.class)) {
			log.warn("Cannot check a token: {}", ex.toString());
			return unavailable("The gateway cannot check sign-ins now: the staff-service's keys cannot be fetched;"
					+ " try again after the time in Retry-After.");
		}
		// An open circuit: the CircuitBreaker filter turns CallNotPermittedException into
		// this.
		if (hasCause(ex, ServiceUnavailableException.class) || hasCause(ex, CallNotPermittedException.class)) {
			return unavailable("The " + serviceName(exchange) + " has been failing, so the gateway is sending it no"
					+ " requests for a few seconds; try again after the time in Retry-After.");
		}
		if (ex instanceof ResponseStatusException rse) {
			return fromStatusException(exchange, rse);
		}
		if (hasCause(ex, ConnectException.class)) {
			log.warn("A service refused the connection: {}", ex.getMessage());
			return unavailable("The " + serviceName(exchange)
					+ " did not accept the connection; try again after the time in Retry-After.");
		}
		if (hasCause(ex, TimeoutException.class)) {
			return timeout(exchange);
		}
		if (hasCause(ex, IOException.class)) {
			log.warn("A service broke off the exchange: {}", ex.toString());
			return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
					"The " + serviceName(exchange) + " broke off the exchange before it answered; try again shortly.");
		}
		log.error("Unexpected gateway error", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The gateway failed unexpectedly; try again, and if it keeps failing, tell the people who run it"
						+ " (it has been logged).");
	}

	private ProblemDetail fromStatusException(ServerWebExchange exchange, ResponseStatusException rse) {
		HttpStatusCode status = rse.getStatusCode();
		if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			// No instance of the service is registered (or none is up).
			return unavailable("No instance of the " + serviceName(exchange)
					+ " is running now; try again after the time in Retry-After.");
		}
		if (status.value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
			return timeout(exchange);
		}
		if (status.value() == HttpStatus.NOT_FOUND.value()) {
			// Unknown paths, missing files and refused internal paths alike.
			return ProblemDetail.forStatusAndDetail(status, "No such resource. The public API lives under /api.");
		}
		if (rse instanceof MethodNotAllowedException notAllowed) {
			return ProblemDetail.forStatusAndDetail(status, "This address does not take " + notAllowed.getHttpMethod()
					+ " requests; it takes " + list(notAllowed.getSupportedMethods()) + ".");
		}
		if (rse instanceof NotAcceptableStatusException notAcceptable) {
			return ProblemDetail.forStatusAndDetail(status,
					"This address cannot answer in a media type the Accept header allows; it answers in "
							+ list(notAcceptable.getSupportedMediaTypes()) + ".");
		}
		if (status.is5xxServerError()) {
			log.error("Gateway error", rse);
		}
		String reason = (rse.getReason() != null) ? rse.getReason() : "The gateway refused the request.";
		ProblemDetail problem = (status.value() == HttpStatus.BAD_REQUEST.value()) ? invalid("request", reason)
				: ProblemDetail.forStatusAndDetail(status, reason);
		Map<String, Object> properties = rse.getBody().getProperties();
		if (properties != null) {
			properties.forEach(problem::setProperty);
		}
		return problem;
	}

	/**
	 * A 400 in the services' shape: a detail naming the field, and {@code errors}.
	 * @param field what was wrong, such as {@code path}
	 * @param message what is wrong with it
	 * @return the problem
	 */
	static ProblemDetail invalid(String field, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid request: '" + field + "' " + message);
		problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
		return problem;
	}

	private static ProblemDetail unavailable(String detail) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
	}

	private static String serviceName(ServerWebExchange exchange) {
		// Route ids are service names (application.yml).
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return (route != null) ? route.getId() : "service";
	}

	private static ProblemDetail timeout(ServerWebExchange exchange) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT,
				"The " + serviceName(exchange)
						+ " did not answer in time; try again shortly, and if you asked for a change, check first"
						+ " whether it was made.");
	}

	private static String list(Collection<?> items) {
		if (items.isEmpty()) {
			return "nothing";
		}
		return items.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

}
