package org.example.restaurant.platform.test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * Calls the service that a test started on a local port.
 */
public final class LocalServer {

	private LocalServer() {
	}

	/**
	 * A client of {@code http://localhost:port} that hands every answer to the test, a
	 * 4xx or 5xx too, instead of throwing, and is signed in with {@link TestTokens}: as
	 * the manager (staff number 900, who may make every staff call) on {@code /api/**},
	 * as a service holding every scope on {@code /internal/**}. The service under test
	 * must trust the tests' key ({@code @Import(TestTokens.Decoder.class)}).
	 * @param port the port of the service, such as the test's {@code @LocalServerPort}
	 * @return the client
	 */
	public static RestClient restClient(int port) {
		return anonymous(port).mutate().requestInterceptor(signedIn()).build();
	}

	/**
	 * Signs a test's calls in as {@link #restClient(int)} does, for a client of the
	 * test's own: a call that sets no {@code Authorization} gets the manager's token on
	 * {@code /api/**} and a service token with every scope on {@code /internal/**}.
	 * @return the interceptor
	 */
	public static ClientHttpRequestInterceptor signedIn() {
		String staff = TestTokens.staff("900", "MANAGER");
		String service = TestTokens.service("test-service", "kitchen.tickets", "orders.progress", "bills.open",
				"orders.paid");
		return (request, body, execution) -> {
			if (!request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
				boolean internal = request.getURI().getPath().startsWith("/internal/");
				request.getHeaders().setBearerAuth(internal ? service : staff);
			}
			return execution.execute(request, body);
		};
	}

	/**
	 * Like {@link #restClient(int)}, but without a token unless the test sets one.
	 * @param port the port of the service
	 * @return the client
	 */
	public static RestClient anonymous(int port) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

}
