package org.example.restaurant.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A way into a running {@link Restaurant}: the gateway, or one service's own port, which
 * a person on the restaurant's network could reach without the gateway. Calls go out as
 * they are built, with the token given (none when {@code null}) and no sign-in again on a
 * 401, so that a scenario sees exactly what the door answers.
 */
record Door(Restaurant restaurant, String name, URI base) {

	/** The gateway, the one public entry. */
	static Door gateway(Restaurant restaurant) {
		return new Door(restaurant, "gateway", URI.create("http://localhost:" + restaurant.gatewayPort));
	}

	/** The order-service's own port ({@code ORDER_PORT}). */
	static Door orderService(Restaurant restaurant) {
		return own(restaurant, "order-service", "ORDER_PORT");
	}

	/** The cashier-service's own port ({@code CASHIER_PORT}). */
	static Door cashierService(Restaurant restaurant) {
		return own(restaurant, "cashier-service", "CASHIER_PORT");
	}

	/** The staff-service's own port ({@code STAFF_PORT}). */
	static Door staffService(Restaurant restaurant) {
		return own(restaurant, "staff-service", "STAFF_PORT");
	}

	/**
	 * A kitchen replica's own host and port, as the registry lists it (the replicas pick
	 * free ports of their own): the first instance that is {@code UP}.
	 */
	static Door kitchenReplica(Restaurant restaurant) {
		return kitchenReplica(restaurant, null);
	}

	/**
	 * One kitchen replica's own host and port, as the registry lists it while it is
	 * {@code UP}: the replica {@code instanceId} (e.g. {@code kitchen-2}), or the first
	 * one that is up when {@code null}.
	 */
	static Door kitchenReplica(Restaurant restaurant, String instanceId) {
		for (JsonNode instance : restaurant.registryApp("kitchen-service").path("instance")) {
			if (instance.path("status").asString().equals("UP")
					&& (instanceId == null || instance.path("instanceId").asString().equals(instanceId))) {
				String host = instance.path("hostName").asString();
				int port = instance.path("port").path("$").asInt();
				assertThat(port).as("port of " + instance).isPositive();
				return new Door(restaurant, "kitchen-service " + instance.path("instanceId").asString(),
						URI.create("http://" + host + ":" + port));
			}
		}
		throw new AssertionError("no kitchen replica " + ((instanceId != null) ? instanceId + " " : "")
				+ "is UP in the registry: " + restaurant.registryApp("kitchen-service").toPrettyString());
	}

	private static Door own(Restaurant restaurant, String name, String portSetting) {
		return new Door(restaurant, name, URI.create("http://localhost:" + restaurant.port(portSetting)));
	}

	Restaurant.Response get(String path, String token) {
		return call("GET", path, null, token);
	}

	Restaurant.Response post(String path, String body, String token) {
		return call("POST", path, body, token);
	}

	/**
	 * A request with a JSON body (none when {@code null}) and a bearer token (none when
	 * {@code null}).
	 */
	Restaurant.Response call(String method, String path, String body, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.restaurant.exchange(request);
	}

	/**
	 * The client credentials grant at this door ({@code POST /oauth2/token}, the
	 * staff-service's own port: the gateway does not route it), as a service asks for its
	 * token: {@code client_secret_basic} with the secret the launcher made for it.
	 */
	Restaurant.Response clientCredentials(String client, String scope) {
		return clientCredentials(client, this.restaurant.clientSecret(client), scope);
	}

	/** The client credentials grant with the secret given. */
	Restaurant.Response clientCredentials(String client, String secret, String scope) {
		String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return this.restaurant.exchange(HttpRequest.newBuilder(this.base.resolve("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope)));
	}

	/** A service token for the client with the scope; the grant must succeed. */
	String serviceToken(String client, String scope) {
		Restaurant.Response answer = clientCredentials(client, scope);
		assertThat(answer.status()).as("client credentials of " + client + " for " + scope + ": " + answer.describe())
			.isEqualTo(200);
		assertThat(answer.json().path("scope").asString()).isEqualTo(scope);
		return answer.json().path("access_token").asString();
	}

	/**
	 * The person's token, signed in again first when it expires within two minutes (calls
	 * through a door are not signed in again on a 401).
	 */
	static String freshToken(Staff person) {
		String token = person.token();
		long expires = HandMadeTokens.claims(token).path("exp").asLong();
		return (expires < Instant.now().getEpochSecond() + 120) ? person.renew(token) : token;
	}

	@Override
	public String toString() {
		return this.name + " (" + this.base + ")";
	}

}
