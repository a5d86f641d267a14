package org.example.restaurant.cashier.messaging;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends again what the outbox holds but no listener completed: a message whose receiver
 * was down is retried every {@code restaurant.outbox.resubmit-interval} (5 s) once it is
 * older than {@code restaurant.outbox.resubmit-older-than} (5 s), so a message still on
 * its first attempt is not normally sent twice (receivers are idempotent if it is).
 */
@Component
class OutboxResubmitter {

	private final IncompleteEventPublications publications;

	private final Duration olderThan;

	OutboxResubmitter(IncompleteEventPublications publications,
			@Value("${restaurant.outbox.resubmit-older-than:5s}") Duration olderThan) {
		this.publications = publications;
		this.olderThan = olderThan;
	}

	@Scheduled(initialDelayString = "${restaurant.outbox.resubmit-interval:5s}",
			fixedDelayString = "${restaurant.outbox.resubmit-interval:5s}")
	void resubmit() {
		this.publications.resubmitIncompletePublicationsOlderThan(this.olderThan);
	}

}
