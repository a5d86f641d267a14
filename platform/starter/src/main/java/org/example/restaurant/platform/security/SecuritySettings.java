package org.example.restaurant.platform.security;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks the tokens it is called with and gets its own (docs/security.md).
 *
 * @param issuer the {@code iss} every token must carry
 * @param jwkSetUri where the staff-service publishes its public keys, by service name
 * @param publicPaths the requests that need no token, each {@code "/path/**"} or
 * {@code "GET /path/**"}; health, info and {@code /error} always
 * @param client this service's own credentials for calls to other services
 */
@ConfigurationProperties("restaurant.security")
public record SecuritySettings(@DefaultValue("http://staff-service") String issuer,
		@DefaultValue("http://staff-service/oauth2/jwks") URI jwkSetUri, @DefaultValue List<String> publicPaths,
		@DefaultValue Client client) {

	/**
	 * A service's OAuth2 client (client credentials grant).
	 *
	 * @param id the client id, by default the service's name
	 * @param secret its secret; none: the service sends no token (its messages wait in
	 * the outbox until a receiver accepts them)
	 * @param tokenUri the staff-service's token endpoint, by service name
	 * @param scopes the scopes to ask for, one per kind of message the service sends
	 */
	public record Client(String id, String secret, @DefaultValue("http://staff-service/oauth2/token") URI tokenUri,
			@DefaultValue List<String> scopes) {

		boolean configured() {
			return this.secret != null && !this.secret.isBlank();
		}

	}

}
