package org.example.restaurant.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the gateway itself ({@code gateway.*}); routes, retries, circuit breakers
 * and time limits are Spring Cloud Gateway's and Resilience4j's own settings in
 * {@code application.yml}.
 *
 * @param maxRequestBody the largest request body the gateway passes on, 64 KB by default;
 * a larger one is refused with 413
 * @param retryAfter what a 503 asks the client to wait ({@code Retry-After}), 5 s by
 * default; {@code application.yml} also makes it the circuit breakers' wait in the open
 * state, so the two cannot drift apart
 */
@ConfigurationProperties("gateway")
public record GatewaySettings(@DefaultValue("64KB") DataSize maxRequestBody, @DefaultValue("5s") Duration retryAfter) {

}
