package org.example.restaurant.gateway.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Marks every response with {@code X-Trace-Id}, the 32 hex digits of the trace the
 * request belongs to (docs/observability.md): a client quotes it, and Zipkin and the logs
 * of every service the request went through find the same trace by it.
 * <p>
 * The trace is the one of the request's server observation, which Spring WebFlux starts
 * around the whole filter chain (continuing a {@code traceparent} the client sent); the
 * services' spans are its children, as Spring Cloud Gateway's observability sends that
 * trace on in {@code traceparent}. This filter runs first, before Spring Security and the
 * rate limits, so the gateway's own refusals (401, 403, 429, 503) carry the header too.
 * It sets the header when the response is committed, replacing the one a service sent:
 * that is the same trace, and a client gets one value, not two.
 */
@Component
class TraceIdFilter implements WebFilter, Ordered {

	static final String HEADER = "X-Trace-Id";

	private final Tracer tracer;

	TraceIdFilter(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return Mono.deferContextual((context) -> {
			Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			String traceId = (observation != null) ? traceIdOf(observation) : null;
			if (traceId != null) {
				exchange.getResponse().beforeCommit(() -> {
					exchange.getResponse().getHeaders().set(HEADER, traceId);
					return Mono.empty();
				});
			}
			return chain.filter(exchange);
		});
	}

	/** The trace id of the observation's span, or null when it has none (not traced). */
	private String traceIdOf(Observation observation) {
		try (Observation.Scope scope = observation.openScope()) {
			Span span = this.tracer.currentSpan();
			return (span != null && !span.isNoop()) ? span.context().traceId() : null;
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
