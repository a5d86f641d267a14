package org.example.restaurant.staff.token;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The issuer every token carries and every service checks
 * ({@code restaurant.security.issuer}, {@code RESTAURANT_SECURITY_ISSUER}). It is fixed,
 * never taken from the request: the staff-service is reached under many names (its port,
 * the gateway, {@code http://staff-service} through Eureka) and issues one kind of token.
 *
 * @param issuer the {@code iss} of every token, {@code http://staff-service} by default
 */
@ConfigurationProperties("restaurant.security")
public record IssuerSettings(@DefaultValue("http://staff-service") String issuer) {

}
