package org.example.restaurant.kitchen.messaging;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.client.RestClient;

/**
 * How the kitchen talks to other services: by service name through the registry, with
 * short timeouts so that a hanging receiver only delays a message (the outbox re-sends
 * it) and never blocks the kitchen. Asynchronous listeners and the scheduled
 * re-submission of the outbox are switched on here.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
class MessagingConfiguration {

	/**
	 * The plain builder, for calls to a real host and port. It must exist and be primary:
	 * the Eureka client takes the context's {@code RestClient.Builder} for its own calls
	 * to the registry, and through the load-balanced one it would look up
	 * {@code localhost} as a service name and never register (spring-cloud-netflix
	 * #4591).
	 */
	@Bean
	@Primary
	@Scope("prototype")
	RestClient.Builder restClientBuilder(RestClientBuilderConfigurer configurer) {
		return configurer.configure(RestClient.builder());
	}

	@Bean
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder(RestClientBuilderConfigurer configurer,
			OutboxProperties properties) {
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withTimeouts(properties.connectTimeout(), properties.readTimeout());
		return configurer.configure(RestClient.builder())
			.requestFactory(ClientHttpRequestFactoryBuilder.detect().build(settings));
	}

}
