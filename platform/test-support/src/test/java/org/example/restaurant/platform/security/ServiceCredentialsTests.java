package org.example.restaurant.platform.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.example.restaurant.platform.client.ServiceClientProperties;
import org.example.restaurant.platform.client.ServiceClientsAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A service's own token on its calls: fetched with the client credentials grant, kept
 * while it is valid, renewed before it expires, dropped after a 401, and "no token to be
 * had" as an I/O error of the call (which the outbox sends again).
 */
class ServiceCredentialsTests {

	HttpServer server;

	final AtomicInteger tokensIssued = new AtomicInteger();

	final List<String> tokenRequests = new CopyOnWriteArrayList<>();

	final List<String> received = new CopyOnWriteArrayList<>();

	volatile int expiresIn = 600;

	volatile int receiverStatus = 204;

	RestClient client;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/oauth2/token", (exchange) -> {
			this.tokenRequests.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
					+ new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			String body = "{\"access_token\":\"token-" + this.tokensIssued.incrementAndGet()
					+ "\",\"token_type\":\"Bearer\",\"expires_in\":" + this.expiresIn + ",\"scope\":\"bills.open\"}";
			respond(exchange, 200, body);
		});
		this.server.createContext("/internal/bills", (exchange) -> {
			this.received.add(exchange.getRequestHeaders().getFirst("Authorization"));
			respond(exchange, this.receiverStatus, "");
		});
		this.server.start();
		this.client = client("http://127.0.0.1:" + this.server.getAddress().getPort() + "/oauth2/token");
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void aTokenIsFetchedOnceAndSentOnEveryCall() {
		send();
		send();
		assertThat(this.received).containsExactly("Bearer token-1", "Bearer token-1");
		assertThat(this.tokenRequests).singleElement()
			.satisfies((request) -> assertThat(request).startsWith("Basic ")
				.contains("grant_type=client_credentials")
				.contains("scope=bills.open"));
	}

	@Test
	void aTokenAboutToExpireIsRenewedBeforeItIsSent() {
		this.expiresIn = 30;
		send();
		send();
		assertThat(this.received).containsExactly("Bearer token-1", "Bearer token-2");
	}

	@Test
	void aRefusedTokenIsDroppedSoTheNextCallFetchesAnother() {
		this.receiverStatus = 401;
		assertThat(sendForStatus()).isEqualTo(401);
		this.receiverStatus = 204;
		send();
		assertThat(this.received).containsExactly("Bearer token-1", "Bearer token-2");
	}

	@Test
	void noTokenToBeHadIsAnIoErrorOfTheCall() {
		RestClient withoutStaffService = client("http://127.0.0.1:1/oauth2/token");
		assertThatExceptionOfType(ResourceAccessException.class)
			.isThrownBy(() -> withoutStaffService.post().uri(receiver()).retrieve().toBodilessEntity())
			.withMessageContaining("No service token for order-service");
		assertThat(this.received).isEmpty();
	}

	private void send() {
		this.client.post().uri(receiver()).retrieve().toBodilessEntity();
	}

	private int sendForStatus() {
		return this.client.post().uri(receiver()).exchange((request, response) -> response.getStatusCode().value());
	}

	private String receiver() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/internal/bills";
	}

	private RestClient client(String tokenUri) {
		ServiceClientProperties timeouts = new ServiceClientProperties(Duration.ofSeconds(1), Duration.ofSeconds(2));
		RestClient tokens = RestClient.builder()
			.requestFactory(ServiceClientsAutoConfiguration.requestFactory(timeouts))
			.messageConverters((converters) -> {
				converters.add(0, new FormHttpMessageConverter());
				converters.add(1, new OAuth2AccessTokenResponseHttpMessageConverter());
			})
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build();
		ClientRegistration registration = ClientRegistration.withRegistrationId("restaurant")
			.clientId("order-service")
			.clientSecret("s3cret")
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("bills.open")
			.tokenUri(tokenUri)
			.build();
		return RestClient.builder()
			.requestFactory(ServiceClientsAutoConfiguration.requestFactory(timeouts))
			.requestInterceptor(new ServiceCredentials(registration, tokens))
			.build();
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

}
