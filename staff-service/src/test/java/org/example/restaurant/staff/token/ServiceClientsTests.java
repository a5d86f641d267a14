package org.example.restaurant.staff.token;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The services that may get a token: those with a secret, kept hashed, with their scopes;
 * a client the authorization server saves again replaces the one it had.
 */
class ServiceClientsTests {

	final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@Test
	void registersTheClientsWithASecretAndHashesIt() {
		ServiceClients clients = new ServiceClients(
				Map.of("order-service", new IssuingSettings.Client("s3cret", Set.of("kitchen.tickets", "bills.open")),
						"kitchen-service", new IssuingSettings.Client(" ", Set.of("orders.progress"))),
				this.encoder);

		assertThat(clients.clientIds()).containsExactly("order-service");
		RegisteredClient order = clients.findByClientId("order-service");
		assertThat(order.getScopes()).containsExactlyInAnyOrder("kitchen.tickets", "bills.open");
		assertThat(order.getClientSecret()).startsWith("{bcrypt}");
		assertThat(this.encoder.matches("s3cret", order.getClientSecret())).isTrue();
		assertThat(clients.findById(order.getId())).isEqualTo(order);
		assertThat(clients.findByClientId("kitchen-service")).isNull();
	}

	@Test
	void refusesAClientWithASecretButNoScope() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new ServiceClients(
					Map.of("cashier-service", new IssuingSettings.Client("s3cret", Set.of())), this.encoder))
			.withMessageContaining("staff.clients.cashier-service.scopes");
	}

	@Test
	void keepsWhatTheAuthorizationServerSavesAgain() {
		ServiceClients clients = new ServiceClients(
				Map.of("order-service", new IssuingSettings.Client("s3cret", Set.of("bills.open"))), this.encoder);
		RegisteredClient upgraded = RegisteredClient.from(clients.findByClientId("order-service"))
			.clientSecret(this.encoder.encode("s3cret"))
			.build();

		clients.save(upgraded);

		assertThat(clients.findByClientId("order-service")).isSameAs(upgraded);
		assertThat(clients.clientIds()).containsExactly("order-service");
	}

}
