package org.example.restaurant.orders.messaging;

import java.lang.reflect.Method;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.client.RestClient;

/**
 * Wiring of the outbox: asynchronous listeners, the resubmission schedule and the
 * load-balanced HTTP client that finds the other services through the registry.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
class MessagingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MessagingConfiguration.class);

	/**
	 * The plain builder, for everything that calls a real host and port. It must exist
	 * and be primary: the Eureka client takes whatever {@code RestClient.Builder} the
	 * context offers for its own calls to the registry, and through the load-balanced one
	 * it would try to resolve {@code localhost} as a service name and never register.
	 */
	@Bean
	@Primary
	@Scope("prototype")
	RestClient.Builder restClientBuilder(RestClientBuilderConfigurer configurer) {
		return configurer.configure(RestClient.builder());
	}

	/**
	 * The builder for calls to other services by name
	 * ({@code http://kitchen-service/...}), with Boot's message converters and short
	 * timeouts so a hanging receiver cannot hold a listener thread for long. The HTTP
	 * client's own retries (it re-sends a POST answered with 503) are off: re-sending is
	 * the outbox's job, which keeps the message until it is accepted and does not block a
	 * listener thread meanwhile.
	 */
	@Bean
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder(RestClientBuilderConfigurer configurer,
			OutboxProperties properties) {
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withTimeouts(properties.connectTimeout(), properties.readTimeout());
		ClientHttpRequestFactory requestFactory = ClientHttpRequestFactoryBuilder.httpComponents()
			.withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries)
			.build(settings);
		return configurer.configure(RestClient.builder()).requestFactory(requestFactory);
	}

	/**
	 * A failed delivery was already logged by the messenger in one line, and the outbox
	 * sends it again; only other failures of asynchronous listeners deserve a stack
	 * trace. (A bean of its own: Boot wraps {@link AsyncConfigurer} beans, so a
	 * configuration class must not be one.)
	 */
	@Bean
	AsyncConfigurer deliveryFailureLogging() {
		return new AsyncConfigurer() {

			@Override
			public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
				return (Throwable ex, Method method, Object... params) -> {
					if (!(ex instanceof DeliveryFailed)) {
						log.error("Unexpected error in {}", method, ex);
					}
				};
			}

		};
	}

}
