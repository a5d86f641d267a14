package org.example.restaurant.kitchen.cluster;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.example.restaurant.kitchen.cook.KitchenSettings;
import org.example.restaurant.kitchen.ticket.TicketRepository;
import org.example.restaurant.platform.instance.InstanceId;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The cluster view's web slice, for a cook: the controller and the cluster behind it,
 * with the tickets and the registry mocked, on a clock stopped at {@link #NOW}.
 */
@WebMvcTest(ClusterController.class)
@Import({ InstanceId.class, KitchenCluster.class, ClusterControllerSlice.FixedClock.class })
@WithMockUser(username = "201", roles = "COOK")
abstract class ClusterControllerSlice {

	static final Instant NOW = Instant.parse("2026-11-25T19:30:00Z");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	TicketRepository tickets;

	@MockitoBean
	DiscoveryClient discovery;

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(KitchenSettings.class)
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
