package org.example.restaurant.platform.client;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

import org.example.restaurant.platform.security.ServiceCredentials;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The two {@link RestClient.Builder}s of a service that calls other services by name.
 * <ul>
 * <li>The plain one, primary, for everything that calls a real host and port. It must
 * exist and be primary: the Eureka client takes whatever {@code RestClient.Builder} the
 * context offers for its own calls to the registry, and through the load-balanced one it
 * would resolve {@code localhost} as a service name and never register
 * (spring-cloud-netflix #4591).</li>
 * <li>The {@link LoadBalanced} one, for {@code http://kitchen-service/...}: Boot's
 * message converters, the timeouts of {@link ServiceClientProperties}, and Apache
 * HttpClient with its own automatic retries off (it re-sends a POST answered 503).
 * Re-sending is the outbox's job, which keeps the message until it is accepted without
 * blocking a thread; trying another instance at once is Spring Cloud LoadBalancer's
 * ({@code spring.cloud.loadbalancer.retry.*}, on by the platform's defaults). With
 * {@code restaurant.security.client.secret} set, every call carries the service's own
 * token ({@link ServiceCredentials}).</li>
 * </ul>
 * What a caller does with the answer is
 * {@link org.example.restaurant.platform.outbox.Delivery}'s rule.
 */
@AutoConfiguration(before = RestClientAutoConfiguration.class)
@ConditionalOnClass({ RestClient.class, LoadBalanced.class, HttpClientBuilder.class,
		RestClientBuilderConfigurer.class })
@EnableConfigurationProperties(ServiceClientProperties.class)
public class ServiceClientsAutoConfiguration {

	@Bean
	@Primary
	@Scope("prototype")
	RestClient.Builder restClientBuilder(RestClientBuilderConfigurer configurer) {
		return configurer.configure(RestClient.builder());
	}

	@Bean
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder(RestClientBuilderConfigurer configurer,
			ServiceClientProperties properties, ObjectProvider<ServiceCredentials> credentials) {
		RestClient.Builder builder = configurer.configure(RestClient.builder())
			.requestFactory(requestFactory(properties));
		credentials.ifAvailable(builder::requestInterceptor);
		return builder;
	}

	/**
	 * The HTTP client of every call to another service: Apache HttpClient with the
	 * timeouts of {@link ServiceClientProperties} and without its own retries.
	 * @param properties the timeouts
	 * @return a request factory
	 */
	public static ClientHttpRequestFactory requestFactory(ServiceClientProperties properties) {
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withTimeouts(properties.connectTimeout(), properties.readTimeout());
		return ClientHttpRequestFactoryBuilder.httpComponents()
			.withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries)
			.build(settings);
	}

}
