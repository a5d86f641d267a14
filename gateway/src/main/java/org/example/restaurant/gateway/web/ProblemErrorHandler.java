package org.example.restaurant.gateway.web;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
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
 * path is a 404, a service with no live instance (or one that refuses the connection) a
 * 503 with {@code Retry-After}, a service too slow a 504. Only the unexpected is logged
 * with a stack trace.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

	static final String RETRY_AFTER_SECONDS = "5";

	private final ServerResponse.Context context;

	ProblemErrorHandler(ServerCodecConfigurer codecs) {
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
		ProblemDetail problem = toProblem(ex);
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		ServerResponse.BodyBuilder response = ServerResponse.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		}
		return response.bodyValue(problem).flatMap((r) -> r.writeTo(exchange, this.context));
	}

	private ProblemDetail toProblem(Throwable ex) {
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
			return ProblemDetail.forStatusAndDetail(status,
					(rse.getReason() != null) ? rse.getReason() : "Request refused");
		}
		if (hasCause(ex, ConnectException.class)) {
			log.warn("A service refused the connection: {}", ex.getMessage());
			return unavailable("The service did not accept the connection; try again shortly.");
		}
		if (hasCause(ex, TimeoutException.class)) {
			return timeout();
		}
		log.error("Unexpected gateway error", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error in the gateway");
	}

	private static ProblemDetail unavailable(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle("Service Unavailable");
		return problem;
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
