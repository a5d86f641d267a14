package org.example.restaurant.platform.test;

import java.util.function.Function;

import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

/**
 * A client of another service, built as in production on a {@link RestClient.Builder}
 * (there the load-balanced one, which turns {@code http://order-service} into an
 * instance), here bound to a {@link MockRestServiceServer} that stands in for the load
 * balancer and every instance behind it.
 */
public final class LoadBalancedClients {

	private LoadBalancedClients() {
	}

	/**
	 * Builds a client on a builder bound to a new mock server.
	 * @param <C> the type of the client
	 * @param client how the client is made from its builder, such as
	 * {@code OrderServiceClient::new}
	 * @return the client and its mock server
	 */
	public static <C> Mocked<C> mock(Function<RestClient.Builder, C> client) {
		RestClient.Builder builder = RestClient.builder();
		MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
		return new Mocked<>(client.apply(builder), server);
	}

	/**
	 * A client and the mock server that answers it.
	 *
	 * @param <C> the type of the client
	 * @param client the client under test
	 * @param server what the test expects it to send, and how to answer
	 */
	public record Mocked<C>(C client, MockRestServiceServer server) {

	}

}
