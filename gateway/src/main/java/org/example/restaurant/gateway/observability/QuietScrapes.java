package org.example.restaurant.gateway.observability;

import java.net.InetSocketAddress;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * No trace (and no request metric) for a request to the management port: Prometheus
 * scrapes it every few seconds, and each scrape would be a trace of its own in Zipkin,
 * burying the restaurant's (the platform does the same for the services). The main port's
 * requests, {@code /actuator/**} 404s included, are all traced.
 */
@Configuration(proxyBeanMethods = false)
class QuietScrapes {

	@Bean
	ObservationPredicate managementPortIsNotObserved(Environment environment) {
		return (name, context) -> {
			if (context instanceof ServerRequestObservationContext server && server.getCarrier() != null) {
				InetSocketAddress local = server.getCarrier().getLocalAddress();
				// set by Spring Boot once the management server listens
				Integer managementPort = environment.getProperty("local.management.port", Integer.class);
				return local == null || managementPort == null || local.getPort() != managementPort;
			}
			return true;
		};
	}

}
