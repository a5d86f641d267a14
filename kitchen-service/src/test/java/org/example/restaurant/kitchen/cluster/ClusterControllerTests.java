package org.example.restaurant.kitchen.cluster;

import java.util.List;

import com.netflix.appinfo.InstanceInfo;
import org.example.restaurant.kitchen.ticket.PreparerCount;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.netflix.eureka.EurekaServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

class ClusterControllerTests extends ClusterControllerSlice {

	@Test
	void showsTheRegisteredReplicasWithWhatEachPreparedIsPreparingAndLeftForTakeoverAndTheGoneOnes() {
		given(this.discovery.getInstances("kitchen-service")).willReturn(List.of(
				new DefaultServiceInstance("kitchen-service:kitchen-2", "kitchen-service", "10.0.0.2", 8082, false),
				new EurekaServiceInstance(InstanceInfo.Builder.newBuilder()
					.setAppName("kitchen-service")
					.setInstanceId("kitchen-service:kitchen-1")
					.setHostName("10.0.0.1")
					.setPort(8081)
					.setStatus(InstanceInfo.InstanceStatus.OUT_OF_SERVICE)
					.build())));
		given(this.tickets.countByPreparer(NOW))
			.willReturn(List.of(new PreparerCount("kitchen-service:kitchen-1", 5L, 1L, 0L),
					new PreparerCount("kitchen-service:kitchen-2", 0L, 2L, 0L),
					new PreparerCount("kitchen-service:kitchen-3", 7L, 0L, 2L)));

		assertThat(this.mvc.get().uri("/api/kitchen/cluster")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"replicas": [
				  {"instanceId": "kitchen-service:kitchen-1", "host": "10.0.0.1", "port": 8081,
				   "status": "OUT_OF_SERVICE", "ticketsPrepared": 5, "ticketsInProgress": 1,
				   "ticketsAwaitingTakeover": 0},
				  {"instanceId": "kitchen-service:kitchen-2", "host": "10.0.0.2", "port": 8082,
				   "status": "UP", "ticketsPrepared": 0, "ticketsInProgress": 2, "ticketsAwaitingTakeover": 0},
				  {"instanceId": "kitchen-service:kitchen-3", "host": null, "port": null,
				   "status": "GONE", "ticketsPrepared": 7, "ticketsInProgress": 0, "ticketsAwaitingTakeover": 2},
				  {"instanceId": "kitchen-service:local", "host": "localhost", "port": null,
				   "status": "UP", "ticketsPrepared": 0, "ticketsInProgress": 0, "ticketsAwaitingTakeover": 0}
				],
				"autoCook": true}
				""");
	}

	@Test
	void listsItselfWhenTheRegistryKnowsNoReplica() {
		given(this.discovery.getInstances("kitchen-service")).willReturn(List.of());
		given(this.tickets.countByPreparer(NOW))
			.willReturn(List.of(new PreparerCount("kitchen-service:local", 3L, 0L, 0L)));

		assertThat(this.mvc.get().uri("/api/kitchen/cluster")).hasStatusOk()
			.hasHeader("X-Instance-Id", "kitchen-service:local")
			.bodyJson()
			.isLenientlyEqualTo("""
					{"replicas": [{"instanceId": "kitchen-service:local", "status": "UP", "ticketsPrepared": 3}]}
					""");
	}

}
