package org.example.restaurant.gateway;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.gateway.StubServices.json;

/**
 * Requests that follow each other on one kept-alive connection, as a browser's and
 * {@code WebTestClient}'s do: every one is answered, however the answer before it was
 * timed. A request that reaches the gateway before it has finished the previous answer on
 * that connection waits in Reactor Netty's queue; when the queued one is answered at
 * once, Reactor Netty before 1.3.8 stopped reading the connection, and the request after
 * it got no answer at all (reactor/reactor-netty#4361; docs/reliability.md). Two requests
 * written together bring that about every time; so does a client that sends its next
 * request as soon as it has read an answer, as the tests' {@code WebTestClient} does,
 * when the gateway ends that answer's exchange late, which a loaded machine brings about
 * now and then and {@link LingeringExchanges} every time.
 */
@GatewayTest
@Import(GatewayKeepAliveTests.LingeringExchanges.class)
class GatewayKeepAliveTests extends AbstractGatewayTests {

	/** The header that makes {@link LingeringExchanges} end an exchange late. */
	static final String LINGER = "X-Test-Linger";

	@RegisterExtension
	static final RecordingStub orderService = RecordingStub.of("order-service", json("[]", "order-service:stub"));

	@LocalServerPort
	int port;

	@Test
	void answersTheRequestAfterOneThatWaitedForTheAnswerBeforeIt() throws IOException {
		try (RawHttp.KeepAlive connection = RawHttp.keepAlive(this.port)) {
			// The menu is answered when the order-service answers; the second request
			// arrives before that, waits, and is answered at once (the gateway's 404).
			connection.write("GET /api/menu", "GET /internal/tickets");
			assertThat(connection.read().status()).isEqualTo(200);
			assertThat(connection.read().status()).isEqualTo(404);
			for (int i = 0; i < 3; i++) {
				connection.write("GET /api/menu");
				assertThat(connection.read().status()).isEqualTo(200);
			}
		}
		assertThat(orderService.received()).hasSize(4);
	}

	@Test
	void answersTheWebTestClientsRequestsAfterAnExchangeThatEndedLate() {
		// WebTestClient has read the whole menu (its Content-Length) and sent the next
		// request before the gateway ends the menu's exchange: that request waits, then
		// is answered at once.
		this.http.get()
			.uri("/api/menu")
			.header(LINGER, "yes")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("[]");
		this.http.get().uri("/internal/tickets").exchange().expectStatus().isNotFound();
		this.http.get().uri("/api/menu").exchange().expectStatus().isOk();
		this.http.get().uri("/livez").exchange().expectStatus().isOk();
	}

	/**
	 * Ends the exchange of a request with {@link #LINGER} 300 ms after its answer has
	 * gone out, as a loaded gateway does now and then.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class LingeringExchanges {

		@Bean
		WebFilter lingeringExchanges() {
			return (exchange, chain) -> exchange.getRequest().getHeaders().containsHeader(LINGER)
					? chain.filter(exchange).then(Mono.delay(Duration.ofMillis(300)).then()) : chain.filter(exchange);
		}

	}

}
