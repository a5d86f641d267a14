package org.example.restaurant.cashier.messaging;

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
 * Messaging to other services: listeners run asynchronously after commit, the outbox is
 * resubmitted on a schedule, and calls go by service name through the load balancer with
 * short timeouts, so a hung receiver cannot hold a listener thread for long.
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
		HttpClientSettings timeouts = HttpClientSettings.defaults()
			.withTimeouts(properties.connectTimeout(), properties.readTimeout());
		return configurer.configure(RestClient.builder())
			.requestFactory(ClientHttpRequestFactoryBuilder.detect().build(timeouts));
	}

}
