package org.example.restaurant.staff.token;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The services that may get a service token, from {@code staff.clients.<id>}: client
 * credentials with {@code client_secret_basic}, the client id the service's name, the
 * secret kept only as a hash, tokens valid {@link #SERVICE_TOKEN_LIFETIME}. A client
 * without a secret is not registered (one warning line), so every token request in its
 * name is refused. Fixed at start; a new secret means a restart.
 * <p>
 * (Spring's {@code InMemoryRegisteredClientRepository} refuses to hold no client at all,
 * which is a valid state here: a restaurant whose secrets are not set yet.)
 */
class ServiceClients implements RegisteredClientRepository {

	/** How long a service token is valid (docs/security.md). */
	static final Duration SERVICE_TOKEN_LIFETIME = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(ServiceClients.class);

	private final Map<String, RegisteredClient> byClientId = new ConcurrentSkipListMap<>();

	ServiceClients(Map<String, IssuingSettings.Client> clients, PasswordEncoder encoder) {
		clients.forEach((id, client) -> {
			if (!client.hasSecret()) {
				log.warn("Client {} has no secret (staff.clients.{}.secret): it is not registered, "
						+ "so it gets no token and the services refuse its messages", id, id);
				return;
			}
			if (client.scopes().isEmpty()) {
				throw new IllegalStateException("Client " + id + " has a secret but no scopes (staff.clients." + id
						+ ".scopes); name the scopes it may ask for");
			}
			this.byClientId.put(id,
					RegisteredClient.withId(id)
						.clientId(id)
						.clientSecret(encoder.encode(client.secret()))
						.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
						.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
						.scopes((scopes) -> scopes.addAll(client.scopes()))
						.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(SERVICE_TOKEN_LIFETIME).build())
						.build());
		});
		log.info("Service clients registered: {}", this.byClientId.isEmpty() ? "none" : describe());
	}

	/**
	 * Keeps a client as the authorization server hands it back, e.g. with its secret's
	 * hash upgraded to a stronger encoding; in memory, like every client here.
	 */
	@Override
	public void save(RegisteredClient registeredClient) {
		this.byClientId.put(registeredClient.getClientId(), registeredClient);
	}

	@Override
	public RegisteredClient findById(String id) {
		return this.byClientId.values().stream().filter((client) -> client.getId().equals(id)).findFirst().orElse(null);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return this.byClientId.get(clientId);
	}

	List<String> clientIds() {
		return List.copyOf(this.byClientId.keySet());
	}

	private String describe() {
		StringBuilder text = new StringBuilder();
		this.byClientId.values().forEach((client) -> {
			if (!text.isEmpty()) {
				text.append(", ");
			}
			text.append(client.getClientId()).append(' ').append(new TreeSet<>(client.getScopes()));
		});
		return text.toString();
	}

}
