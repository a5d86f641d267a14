package org.example.restaurant.kitchen.cluster;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * A kitchen whose people cook by hand says so in its cluster view, so that a kitchen
 * display shows its Start and Ready buttons.
 */
@TestPropertySource(properties = "kitchen.auto-cook=false")
class ClusterControllerManualModeTests extends ClusterControllerSlice {

	@Test
	void saysThatTheKitchenDoesNotCookByItself() {
		given(this.discovery.getInstances("kitchen-service")).willReturn(List.of());
		given(this.tickets.countByPreparer(NOW)).willReturn(List.of());

		assertThat(this.mvc.get().uri("/api/kitchen/cluster")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.autoCook")
			.isEqualTo(false);
	}

}
