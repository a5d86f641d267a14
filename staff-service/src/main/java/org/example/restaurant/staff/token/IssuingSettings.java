package org.example.restaurant.staff.token;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the tokens the staff-service issues ({@code staff.*}; docs/security.md,
 * "Settings").
 *
 * @param tokenLifetime how long a staff token is valid, 15 minutes by default: a person
 * who is deactivated keeps a token no longer than that
 * @param keys where the signing keys are kept
 * @param clients the services that may get a service token, by client id
 */
@ConfigurationProperties("staff")
public record IssuingSettings(@DefaultValue("15m") Duration tokenLifetime, @DefaultValue Keys keys,
		Map<String, Client> clients) {

	public IssuingSettings {
		if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
			throw new IllegalArgumentException("staff.token-lifetime must be positive");
		}
		clients = (clients != null) ? Map.copyOf(clients) : Map.of();
	}

	/**
	 * The signing keys ({@code staff.keys.*}).
	 *
	 * @param location the folder of the JWK set file ({@value SigningKeys#FILE_NAME});
	 * application.yml says {@code ${DATA_DIR:./data}/keys}
	 */
	public record Keys(@DefaultValue("./data/keys") Path location) {

	}

	/**
	 * One service's client credentials ({@code staff.clients.<id>.*}).
	 *
	 * @param secret its client secret; without one the client is not registered
	 * @param scopes the scopes it may ask for
	 */
	public record Client(String secret, Set<String> scopes) {

		public Client {
			scopes = (scopes != null) ? Set.copyOf(scopes) : Set.of();
		}

		boolean hasSecret() {
			return this.secret != null && !this.secret.isBlank();
		}

		@Override
		public String toString() {
			return "Client[secret=" + (hasSecret() ? "****" : "none") + ", scopes=" + this.scopes + "]";
		}

	}

}
