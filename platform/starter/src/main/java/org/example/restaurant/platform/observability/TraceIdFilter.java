package org.example.restaurant.platform.observability;

import java.io.IOException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the id of the request's trace on its response, {@value #HEADER}, so that a client
 * (or a person with curl) can look the request up in the trace viewer. It runs inside
 * Spring's server observation, which has opened the request's span by then.
 */
class TraceIdFilter extends OncePerRequestFilter {

	/** The response header. */
	static final String HEADER = "X-Trace-Id";

	private final Tracer tracer;

	TraceIdFilter(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Span span = this.tracer.currentSpan();
		if (span != null && !span.isNoop()) {
			response.setHeader(HEADER, span.context().traceId());
		}
		chain.doFilter(request, response);
	}

}
