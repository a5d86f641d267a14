package org.example.restaurant.gateway.web;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Marks every response with {@code X-Instance-Id}. A response routed from a service keeps
 * the service's own header, so a client sees which replica answered; the gateway's id
 * appears only on what the gateway answers itself (errors, health).
 */
@Component
class InstanceIdFilter implements WebFilter, Ordered {

	static final String HEADER = "X-Instance-Id";

	private final String instanceId;

	InstanceIdFilter(ObjectProvider<Registration> registration, @Value("${spring.application.name}") String name) {
		Registration current = registration.getIfAvailable();
		this.instanceId = (current != null) ? current.getInstanceId() : name + ":local";
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			if (!headers.containsHeader(HEADER)) {
				headers.set(HEADER, this.instanceId);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	String instanceId() {
		return this.instanceId;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
