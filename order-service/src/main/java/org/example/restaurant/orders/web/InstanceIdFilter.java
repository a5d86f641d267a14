package org.example.restaurant.orders.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks every response, errors included, with the {@code X-Instance-Id} of the instance
 * that answered, so a caller can see which replica served it.
 *
 * <p>
 * The id comes from the service registration (the Eureka instance id, resolved once at
 * startup). It is not read from {@code eureka.instance.instance-id}: that property holds
 * {@code ${random.value}} and would resolve to a new value on every read. Without a
 * registration (discovery off, tests) it is {@code <application name>:local}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InstanceIdFilter extends OncePerRequestFilter {

	/** The response header. */
	public static final String HEADER = "X-Instance-Id";

	private final ObjectProvider<Registration> registration;

	private final String fallback;

	InstanceIdFilter(ObjectProvider<Registration> registration, Environment environment) {
		this.registration = registration;
		this.fallback = environment.getProperty("spring.application.name", "order-service") + ":local";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HEADER, instanceId());
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	String instanceId() {
		Registration current = this.registration.getIfAvailable();
		String id = (current != null) ? current.getInstanceId() : null;
		return (id != null && !id.isBlank()) ? id : this.fallback;
	}

}
