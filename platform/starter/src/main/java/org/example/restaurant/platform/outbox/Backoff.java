package org.example.restaurant.platform.outbox;

import java.time.Duration;
import java.time.Instant;

import org.springframework.modulith.events.EventPublication;

/**
 * Exponential back-off for an outbox message: it is sent again {@code first} after it was
 * written, then after twice as long as the previous wait, never more than {@code max}
 * apart. The state lives in the publication itself (its attempts and last resubmission,
 * kept by Spring Modulith), so it survives restarts and is the same for every process
 * that shares the outbox table.
 *
 * @param first the wait before the first re-send
 * @param max the longest wait between two attempts
 */
record Backoff(Duration first, Duration max) {

	/** The wait after the given number of re-sends. */
	Duration after(int resends) {
		Duration wait = this.first.multipliedBy(1L << Math.min(Math.max(resends, 0), 30));
		return (wait.compareTo(this.max) > 0) ? this.max : wait;
	}

	/** When the message is to be sent again. */
	Instant nextAttempt(EventPublication publication) {
		Instant last = publication.getLastResubmissionDate();
		Instant since = (last != null) ? last : publication.getPublicationDate();
		// Spring Modulith counts the first send as an attempt
		return since.plus(after(publication.getCompletionAttempts() - 1));
	}

	boolean isDue(EventPublication publication, Instant now) {
		return !nextAttempt(publication).isAfter(now);
	}

}
