package org.example.restaurant.orders.messaging;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends undelivered outbox messages again, every
 * {@code restaurant.outbox.resubmit-interval}, until the receivers accept them. Messages
 * younger than {@code resubmit-older-than} are left alone so a first attempt still in
 * flight is not doubled at once; receivers are idempotent, so a rare double does no harm.
 */
@Component
class OutboxResubmitter {

	private final IncompleteEventPublications incomplete;

	private final OutboxProperties properties;

	OutboxResubmitter(IncompleteEventPublications incomplete, OutboxProperties properties) {
		this.incomplete = incomplete;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "${restaurant.outbox.resubmit-interval:5s}",
			fixedDelayString = "${restaurant.outbox.resubmit-interval:5s}")
	void resubmit() {
		this.incomplete.resubmitIncompletePublicationsOlderThan(this.properties.resubmitOlderThan());
	}

}
