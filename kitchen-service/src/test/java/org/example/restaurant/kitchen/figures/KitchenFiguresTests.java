package org.example.restaurant.kitchen.figures;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.netflix.appinfo.InstanceInfo;
import org.example.restaurant.kitchen.support.TestClock;
import org.example.restaurant.platform.figures.LiveFigures;
import org.example.restaurant.platform.instance.InstanceId;
import org.example.restaurant.platform.outbox.Outbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.netflix.eureka.EurekaServiceInstance;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * The kitchen's figures against the real schema, for a known set of tickets around the
 * test clock's moment, with two replicas in the registry and one only the database
 * remembers.
 */
@DataJpaTest
@Import({ KitchenFigures.class, LiveFigures.class, InstanceId.class, TestClock.class })
class KitchenFiguresTests {

	static final Instant NOW = TestClock.START;

	static final String KITCHEN_1 = "kitchen-service:kitchen-1";

	static final String KITCHEN_2 = "kitchen-service:kitchen-2";

	static final String KITCHEN_3 = "kitchen-service:kitchen-3";

	@Autowired
	KitchenFigures figures;

	@Autowired
	InstanceId instanceId;

	@Autowired
	JdbcTemplate jdbc;

	@MockitoBean
	Outbox outbox;

	@MockitoBean
	DiscoveryClient discovery;

	@BeforeEach
	void twoReplicasInTheRegistryAndOneMessageInTheOutbox() {
		given(this.discovery.getInstances("kitchen-service"))
			.willReturn(List.of(new DefaultServiceInstance(KITCHEN_2, "kitchen-service", "10.0.0.2", 8082, false),
					new EurekaServiceInstance(InstanceInfo.Builder.newBuilder()
						.setAppName("kitchen-service")
						.setInstanceId(KITCHEN_1)
						.setHostName("10.0.0.1")
						.setPort(8081)
						.setStatus(InstanceInfo.InstanceStatus.UP)
						.build())));
		given(this.outbox.backlog()).willReturn(new Outbox.Backlog(1, 0, NOW));
	}

	@Test
	void countsTheTicketsAveragesTheirTimesAndShowsEachReplicasLoad() {
		ticket("QUEUED", null, ago(30), null, null);
		ticket("QUEUED", null, ago(20), null, null);
		// started in the last 15 minutes: waited 60 and 20 s
		ticket("PREPARING", KITCHEN_1, ago(100), ago(40), null);
		ticket("PREPARING", KITCHEN_3, ago(50), ago(30), null);
		// started and ready in the last 15 minutes: waited 60 and 20 s, cooked 210 and 90
		// s
		ticket("READY", KITCHEN_1, ago(300), ago(240), ago(30));
		ticket("READY", KITCHEN_2, ago(200), ago(180), ago(90));
		// long ago: counts nowhere
		ticket("READY", KITCHEN_2, ago(7200), ago(7140), ago(1200));
		ticket("READY", "kitchen-service:old", ago(10800), ago(10700), ago(7200));
		ticket("CANCELLED", null, ago(60), null, null);

		KitchenFigures.Figures now = this.figures.now();

		assertThat(now.at()).isEqualTo(NOW);
		assertThat(now.ticketsWaiting()).isEqualTo(2);
		assertThat(now.ticketsPreparing()).isEqualTo(2);
		assertThat(now.averageWaitSeconds()).isEqualTo(40.0);
		assertThat(now.averageCookSeconds()).isEqualTo(150.0);
		assertThat(now.replicas()).filteredOn((replica) -> !replica.instanceId().equals(this.instanceId.value()))
			.containsExactly(new KitchenFigures.Replica(KITCHEN_1, "UP", 1, 1),
					new KitchenFigures.Replica(KITCHEN_2, "UP", 0, 0),
					new KitchenFigures.Replica(KITCHEN_3, "GONE", 1, 0));
		assertThat(now.replicas()).contains(new KitchenFigures.Replica(this.instanceId.value(), "UP", 0, 0));
		assertThat(now.outboxPending()).isEqualTo(1);
	}

	@Test
	void hasNoAveragesWhenNoTicketWasStartedOrReadyLately() {
		ticket("QUEUED", null, ago(30), null, null);

		KitchenFigures.Figures now = this.figures.now();

		assertThat(now.ticketsWaiting()).isEqualTo(1);
		assertThat(now.ticketsPreparing()).isZero();
		assertThat(now.averageWaitSeconds()).isNull();
		assertThat(now.averageCookSeconds()).isNull();
		assertThat(now.replicas()).extracting(KitchenFigures.Replica::preparing).containsOnly(0L);
	}

	private static Instant ago(long seconds) {
		return NOW.minus(Duration.ofSeconds(seconds));
	}

	private void ticket(String status, String preparedBy, Instant receivedAt, Instant startedAt, Instant readyAt) {
		this.jdbc.update("""
				insert into ticket (id, order_id, table_code, status, prepared_by, received_at, started_at, ready_at,
					version) values (?, ?, 'T1', ?, ?, ?, ?, ?, 0)""", UUID.randomUUID(), UUID.randomUUID(), status,
				preparedBy, timestamp(receivedAt), timestamp(startedAt), timestamp(readyAt));
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
