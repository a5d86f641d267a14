package org.example.restaurant.platform.test;

import org.springframework.web.client.RestClient;

/**
 * Calls the service that a test started on a local port.
 */
public final class LocalServer {

	private LocalServer() {
	}

	/**
	 * A client of {@code http://localhost:port} that hands every answer to the test, a
	 * 4xx or 5xx too, instead of throwing.
	 * @param port the port of the service, such as the test's {@code @LocalServerPort}
	 * @return the client
	 */
	public static RestClient restClient(int port) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

}
