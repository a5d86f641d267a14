package org.example.restaurant.cashier.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stamps every response, errors included, with {@code X-Instance-Id}: the instance id
 * this process registered in Eureka, or {@code cashier-service:local} when discovery is
 * off. The id comes from the registration itself, not from the
 * {@code eureka.instance.instance-id} property, whose {@code ${random.value}} would
 * resolve to a new value at each read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InstanceIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Instance-Id";

	private final ObjectProvider<Registration> registration;

	private final String fallback;

	private volatile String instanceId;

	InstanceIdFilter(ObjectProvider<Registration> registration, @Value("${spring.application.name}") String name) {
		this.registration = registration;
		this.fallback = name + ":local";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HEADER, instanceId());
		chain.doFilter(request, response);
	}

	private String instanceId() {
		String id = this.instanceId;
		if (id == null) {
			Registration found = this.registration.getIfUnique();
			id = (found != null && found.getInstanceId() != null) ? found.getInstanceId() : this.fallback;
			this.instanceId = id;
		}
		return id;
	}

}
