package org.example.restaurant.platform.instance;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells every caller which replica answered: {@code X-Instance-Id} on every response,
 * errors included (set before the request is handled, so it is there whatever happens
 * next).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InstanceIdFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Instance-Id";

	private final InstanceId instanceId;

	public InstanceIdFilter(InstanceId instanceId) {
		this.instanceId = instanceId;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HEADER, this.instanceId.value());
		chain.doFilter(request, response);
	}

}
