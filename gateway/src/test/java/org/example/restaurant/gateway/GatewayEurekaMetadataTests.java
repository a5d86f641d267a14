package org.example.restaurant.gateway;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.cloud.netflix.eureka.EurekaInstanceConfigBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway tells Eureka about its management port, so that Prometheus, which
 * discovers every instance from the registry, scrapes the port the metrics are on
 * (docs/observability.md). The Eureka client is on but neither registers nor fetches: the
 * instance's description is all that is looked at.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.register-with-eureka=false", "eureka.client.fetch-registry=false" })
class GatewayEurekaMetadataTests {

	static final int MANAGEMENT_PORT = freePort();

	@Autowired
	EurekaInstanceConfigBean instance;

	@DynamicPropertySource
	static void managementPort(DynamicPropertyRegistry registry) {
		// A port of its own, as in production: a random one (0) is known only after the
		// start, too late for the instance's description.
		registry.add("management.server.port", () -> MANAGEMENT_PORT);
		registry.add("eureka.client.service-url.defaultZone", StubServices::deadInstance);
	}

	@Test
	void publishesTheManagementPortAndChecksHealthThere() {
		assertThat(this.instance.getMetadataMap()).containsEntry("management.port", String.valueOf(MANAGEMENT_PORT));
		assertThat(this.instance.getHealthCheckUrl()).contains(":" + MANAGEMENT_PORT + "/actuator/health");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
