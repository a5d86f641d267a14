package org.example.restaurant.gateway;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.example.restaurant.gateway.StubServices.json;

/**
 * Requests that follow each other on one kept-alive connection, as a browser's and
 * {@code WebTestClient}'s do: every one is answered, however the answer before it was
 * timed. A request that reaches the gateway before it has finished the previous answer on
 * that connection waits in Reactor Netty's queue; when the queued one is answered at
 * once, Reactor Netty before 1.3.8 stopped reading the connection, and the request after
 * it got no answer at all (reactor/reactor-netty#4361; docs/reliability.md). Two requests
 * written together bring that about every time; a client that sends its next request as
 * soon as it has read an answer, as the tests' {@code WebTestClient} does, brings it
 * about now and then.
 */
@GatewayTest
class GatewayKeepAliveTests {

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

}
