package org.example.restaurant.kitchen.cluster;

import java.util.List;

import org.example.restaurant.kitchen.ticket.TicketRepository;
import org.example.restaurant.platform.instance.InstanceId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * A kitchen whose people cook by hand says so in its cluster view, so that a kitchen
 * display shows its Start and Ready buttons.
 */
@WebMvcTest(controllers = ClusterController.class, properties = "kitchen.auto-cook=false")
@Import({ InstanceId.class, KitchenCluster.class, ClusterControllerTests.FixedClock.class })
@WithMockUser(username = "201", roles = "COOK")
class ClusterControllerManualModeTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	TicketRepository tickets;

	@MockitoBean
	DiscoveryClient discovery;

	@Test
	void saysThatTheKitchenDoesNotCookByItself() {
		given(this.discovery.getInstances("kitchen-service")).willReturn(List.of());
		given(this.tickets.countByPreparer(ClusterControllerTests.NOW)).willReturn(List.of());

		assertThat(this.mvc.get().uri("/api/kitchen/cluster")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.autoCook")
			.isEqualTo(false);
	}

}
