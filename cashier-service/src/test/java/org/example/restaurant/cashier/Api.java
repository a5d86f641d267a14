package org.example.restaurant.cashier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.example.restaurant.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client of the running cashier-service, safe to use from many threads at
 * once; it never throws on a 4xx or 5xx, so tests can check those. It is signed in as the
 * cashier {@value #CASHIER} on {@code /api/**} and as the order-service on
 * {@code /internal/**}, unless a call sets its own {@code Authorization}.
 */
public final class Api {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** The cashier on duty (docs/api.md's demo cashier). */
	public static final String CASHIER = "301";

	private static final String CASHIER_TOKEN = TestTokens.staff(CASHIER, "CASHIER");

	private static final String ORDER_SERVICE_TOKEN = TestTokens.service("order-service", "bills.open");

	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	/**
	 * GET.
	 * @param headers names and values, alternately
	 */
	public Reply get(String path, String... headers) {
		return send(request(path, headers).GET());
	}

	/**
	 * POST a JSON body.
	 * @param headers names and values, alternately
	 */
	public Reply post(String path, String body, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		boolean signed = false;
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
			signed |= headers[i].equalsIgnoreCase("Authorization");
		}
		if (!signed) {
			request.header("Authorization",
					"Bearer " + (path.startsWith("/internal/") ? ORDER_SERVICE_TOKEN : CASHIER_TOKEN));
		}
		return request;
	}

	private Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response. */
	public record Reply(int status, java.net.http.HttpHeaders headers, String body) {

		public JsonNode json() {
			return json.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

}
