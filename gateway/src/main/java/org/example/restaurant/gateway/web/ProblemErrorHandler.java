package org.example.restaurant.gateway.web;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
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
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers every error the gateway meets as {@code application/problem+json}: an unknown
 * path is a 404, a body over the limit a 413, a service with no live instance (or one
 * that refuses the connection, or whose circuit is open) a 503 with {@code Retry-After},
 * a service that breaks off the exchange a 502, a service too slow a 504. A failing
 * service never makes the gateway answer 500. Only the unexpected is logged with a stack
 * trace.
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

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		ProblemDetail problem = toProblem(exchange, ex);
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		ServerResponse.BodyBuilder response = ServerResponse.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			response.header(HttpHeaders.RETRY_AFTER, this.retryAfterSeconds);
		}
		return response.bodyValue(problem).flatMap((r) -> r.writeTo(exchange, this.context));
	}

	private ProblemDetail toProblem(ServerWebExchange exchange, Throwable ex) {
		// An open circuit: the CircuitBreaker filter turns CallNotPermittedException into
		// this.
		if (hasCause(ex, ServiceUnavailableException.class) || hasCause(ex, CallNotPermittedException.class)) {
			return unavailable("The " + serviceName(exchange) + " has been failing, so the gateway is sending it no"
					+ " requests for a few seconds; try again after the time in Retry-After.");
		}
		if (ex instanceof ResponseStatusException rse) {
			HttpStatusCode status = rse.getStatusCode();
			if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
				return unavailable("No live instance of the service can take this request now; try again shortly.");
			}
			if (status.value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
				return timeout();
			}
			if (status.value() == HttpStatus.NOT_FOUND.value()) {
				return ProblemDetail.forStatusAndDetail(status, "No such resource. The public API lives under /api.");
			}
			if (status.is5xxServerError()) {
				log.error("Gateway error", ex);
			}
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
					(rse.getReason() != null) ? rse.getReason() : "Request refused");
			Map<String, Object> properties = rse.getBody().getProperties();
			if (properties != null) {
				properties.forEach(problem::setProperty);
			}
			return problem;
		}
		if (hasCause(ex, ConnectException.class)) {
			log.warn("A service refused the connection: {}", ex.getMessage());
			return unavailable("The service did not accept the connection; try again shortly.");
		}
		if (hasCause(ex, TimeoutException.class)) {
			return timeout();
		}
		if (hasCause(ex, IOException.class)) {
			log.warn("A service broke off the exchange: {}", ex.toString());
			return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
					"The service broke off the exchange before it answered; try again shortly.");
		}
		log.error("Unexpected gateway error", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error in the gateway");
	}

	private static ProblemDetail unavailable(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle("Service Unavailable");
		return problem;
	}

	private static String serviceName(ServerWebExchange exchange) {
		// Route ids are service names (application.yml).
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return (route != null) ? route.getId() : "service";
	}

	private static ProblemDetail timeout() {
		return ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT, "The service did not answer in time.");
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
