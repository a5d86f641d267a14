package org.example.restaurant.gateway.security;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway finds the staff-service's keys and which issuer it trusts
 * ({@code restaurant.security.*}, the names every service uses: docs/security.md).
 *
 * @param issuer the {@code iss} every token must carry, {@code http://staff-service} by
 * default
 * @param jwkSetUri the staff-service's public keys, found by name through the registry
 * with a load-balanced client, {@code http://staff-service/oauth2/jwks} by default
 */
@ConfigurationProperties("restaurant.security")
public record SecuritySettings(@DefaultValue("http://staff-service") String issuer,
		@DefaultValue("http://staff-service/oauth2/jwks") URI jwkSetUri) {

}
