package org.example.restaurant.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.events.EventPublication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's back-off and its view of the backlog, on publications made up here.
 */
class OutboxTests {

	private static final Instant WRITTEN = Instant.parse("2026-11-25T12:00:00Z");

	private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(30));

	@Test
	void waitsTwiceAsLongAfterEachAttemptUpToTheLongestWait() {
		assertThat(List.of(0, 1, 2, 3, 4, 50).stream().map(this.backoff::after).toList()).containsExactly(
				Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30),
				Duration.ofSeconds(30), Duration.ofSeconds(30));
	}

	@Test
	void sendsAMessageAgainFirstAfterTheFirstWaitFromWhenItWasWritten() {
		Publication fresh = new Publication(WRITTEN, null, 1);

		assertThat(this.backoff.isDue(fresh, WRITTEN.plusSeconds(4))).isFalse();
		assertThat(this.backoff.isDue(fresh, WRITTEN.plusSeconds(5))).isTrue();
	}

	@Test
	void countsTheNextWaitFromTheLastResend() {
		Instant lastResent = WRITTEN.plusSeconds(15);
		Publication resentTwice = new Publication(WRITTEN, lastResent, 3);

		assertThat(this.backoff.nextAttempt(resentTwice)).isEqualTo(lastResent.plusSeconds(20));
		assertThat(this.backoff.isDue(resentTwice, lastResent.plusSeconds(19))).isFalse();
		assertThat(this.backoff.isDue(resentTwice, lastResent.plusSeconds(20))).isTrue();
	}

	@Test
	void countsPendingAndStuckMessagesAndTheOldest() {
		Instant now = WRITTEN.plusSeconds(90);
		List<Publication> pending = List.of(new Publication(WRITTEN, WRITTEN.plusSeconds(60), 5),
				new Publication(now.minusSeconds(60), null, 1), new Publication(now.minusSeconds(3), null, 1));

		Outbox.Backlog backlog = Outbox.Backlog.of(pending, now, Duration.ofMinutes(1));

		assertThat(backlog).isEqualTo(new Outbox.Backlog(3, 2, WRITTEN));
		assertThat(Outbox.Backlog.of(List.of(), now, Duration.ofMinutes(1))).isEqualTo(new Outbox.Backlog(0, 0, null));
	}

	/** A publication as Spring Modulith keeps it: the first send counts as an attempt. */
	record Publication(Instant getPublicationDate, Instant getLastResubmissionDate,
			int getCompletionAttempts) implements EventPublication {

		@Override
		public UUID getIdentifier() {
			return UUID.nameUUIDFromBytes(getPublicationDate().toString().getBytes());
		}

		@Override
		public Object getEvent() {
			return "an event";
		}

		@Override
		public Optional<Instant> getCompletionDate() {
			return Optional.empty();
		}

		@Override
		public Status getStatus() {
			return Status.FAILED;
		}

	}

}
