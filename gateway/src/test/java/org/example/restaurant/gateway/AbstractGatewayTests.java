package org.example.restaurant.gateway;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The way into the gateway of a {@link GatewayTest}: a {@code WebTestClient} bound to it
 * (with the longer wait {@code @GatewayTest} sets). A test that writes requests as they
 * are ({@link RawHttp}) also takes the gateway's {@code @LocalServerPort}.
 */
abstract class AbstractGatewayTests {

	@Autowired
	WebTestClient http;

}
