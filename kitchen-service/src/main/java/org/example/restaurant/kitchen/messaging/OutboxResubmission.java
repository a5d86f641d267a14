package org.example.restaurant.kitchen.messaging;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-sends the messages still in the outbox ({@code restaurant.outbox.resubmit-interval},
 * every 5 s by default), once they have had time to go out by themselves
 * ({@code restaurant.outbox.resubmit-older-than}, 5 s).
 * <p>
 * Every replica runs this job over the one shared outbox, so a pending message may be
 * sent by more than one replica: harmless, because the order-service's receivers are
 * idempotent.
 */
@Component
class OutboxResubmission {

	private final IncompleteEventPublications incomplete;

	private final Duration olderThan;

	OutboxResubmission(IncompleteEventPublications incomplete,
			@Value("${restaurant.outbox.resubmit-older-than:5s}") Duration olderThan) {
		this.incomplete = incomplete;
		this.olderThan = olderThan;
	}

	@Scheduled(fixedDelayString = "${restaurant.outbox.resubmit-interval:5s}",
			initialDelayString = "${restaurant.outbox.resubmit-interval:5s}")
	void resubmit() {
		this.incomplete.resubmitIncompletePublicationsOlderThan(this.olderThan);
	}

}
