package org.example.restaurant.kitchen.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.example.restaurant.kitchen.cook.KitchenSettings;
import org.example.restaurant.kitchen.ticket.PreparerCount;
import org.example.restaurant.kitchen.ticket.TicketRepository;
import org.example.restaurant.platform.instance.InstanceId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.serviceregistry.Registration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * How {@link KitchenCluster} combines the registry's instances with the database's
 * counts, without the web layer.
 */
class KitchenClusterTests {

	static final Instant NOW = Instant.parse("2026-11-25T19:30:00Z");

	static final String SELF = "kitchen-service:kitchen-1";

	final TicketRepository tickets = mock(TicketRepository.class);

	final DiscoveryClient discovery = mock(DiscoveryClient.class);

	final StaticListableBeanFactory beans = new StaticListableBeanFactory();

	final MockEnvironment environment = new MockEnvironment().withProperty("INSTANCE_ID", SELF)
		.withProperty("local.server.port", "8081");

	@Test
	void namesAReplicaWithoutInstanceIdByHostAndPortAndCountsAReplicaListedTwiceOnce() {
		this.beans.addBean("discovery", this.discovery);
		given(this.discovery.getInstances("kitchen-service"))
			.willReturn(List.of(new DefaultServiceInstance(null, "kitchen-service", "10.0.0.2", 8082, false),
					new DefaultServiceInstance(SELF, "kitchen-service", "10.0.0.1", 8081, false),
					new DefaultServiceInstance(SELF, "kitchen-service", "10.0.0.1", 8081, false)));
		given(this.tickets.countByPreparer(NOW)).willReturn(List.of(new PreparerCount("10.0.0.2:8082", 4L, 1L, 0L)));

		assertThat(cluster(true).snapshot().replicas()).containsExactly(
				new KitchenCluster.Member("10.0.0.2:8082", "10.0.0.2", 8082, "UP", 4, 1, 0),
				new KitchenCluster.Member(SELF, "10.0.0.1", 8081, "UP", 0, 0, 0));
	}

	@Test
	void showsItselfAtItsRegisteredAddressWhileTheRegistryDoesNotListItYet() {
		this.beans.addBean("discovery", this.discovery);
		Registration registration = mock(Registration.class);
		given(registration.getInstanceId()).willReturn(SELF);
		given(registration.getHost()).willReturn("10.0.0.1");
		given(registration.getPort()).willReturn(9001);
		this.beans.addBean("registration", registration);
		given(this.discovery.getInstances("kitchen-service")).willReturn(List.of());
		given(this.tickets.countByPreparer(NOW)).willReturn(List.of(new PreparerCount(SELF, 2L, 0L, 0L)));

		assertThat(cluster(true).snapshot().replicas())
			.containsExactly(new KitchenCluster.Member(SELF, "10.0.0.1", 9001, "UP", 2, 0, 0));
	}

	@Test
	void withoutDiscoveryShowsItselfAtItsOwnPortAndEveryOtherCookAsGone() {
		given(this.tickets.countByPreparer(NOW)).willReturn(
				List.of(new PreparerCount("kitchen-service:old", 9L, 0L, 1L), new PreparerCount(SELF, 1L, 1L, 0L)));

		KitchenCluster.Snapshot snapshot = cluster(false).snapshot();

		assertThat(snapshot.replicas()).containsExactly(
				new KitchenCluster.Member(SELF, "localhost", 8081, "UP", 1, 1, 0),
				new KitchenCluster.Member("kitchen-service:old", null, null, KitchenCluster.GONE, 9, 0, 1));
		assertThat(snapshot.autoCook()).isFalse();
	}

	private KitchenCluster cluster(boolean autoCook) {
		InstanceId instanceId = new InstanceId(this.beans.getBeanProvider(Registration.class), this.environment);
		KitchenSettings settings = new KitchenSettings(2, 0.02, autoCook, Duration.ofMillis(500),
				Duration.ofSeconds(10));
		return new KitchenCluster(this.beans.getBeanProvider(DiscoveryClient.class),
				this.beans.getBeanProvider(Registration.class), this.tickets, instanceId, this.environment,
				Clock.fixed(NOW, ZoneOffset.UTC), settings);
	}

}
