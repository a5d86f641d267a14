package org.example.restaurant.platform.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of the platform's outbox, for a service to run against its own event
 * publication table (made by the service's own migrations): the outbox's round of
 * re-sending reads the table, the purge deletes from it, and health and gauges report
 * what the round saw. A service extends it with its own test context annotation (a whole
 * service, such as {@code @SpringBootTest} with its test profile).
 */
public abstract class OutboxContract {

	@Autowired
	private Outbox outbox;

	@Test
	public void readsTheServicesOutboxTableAndReportsItsBacklogInHealth() {
		this.outbox.resubmitDue();

		Outbox.Backlog backlog = this.outbox.backlog();
		Health health = this.outbox.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("pending", backlog.pending())
			.containsEntry("stuck", backlog.stuck())
			.containsKey("stuckAfter");
		assertThat(backlog.stuck()).isBetween(0, backlog.pending());
	}

	@Test
	public void purgesDeliveredMessagesFromTheServicesOutboxTable() {
		this.outbox.purgeDelivered();
		this.outbox.resubmitDue();

		assertThat(this.outbox.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	public void countsPendingAndStuckMessagesInGauges() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		this.outbox.bindTo(meters);
		this.outbox.resubmitDue();

		assertThat(meters.get("restaurant.outbox.pending").gauge().value()).isEqualTo(this.outbox.backlog().pending());
		assertThat(meters.get("restaurant.outbox.stuck").gauge().value()).isEqualTo(this.outbox.backlog().stuck());
	}

}
