package org.example.restaurant.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

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

	@Test
	void sendsAgainOnlyWhatFailedOrWasLeftByAnEarlierRunNeverWhatItIsStillTrying() {
		Instant started = WRITTEN.minusSeconds(60);
		Instant now = WRITTEN.plusSeconds(30);
		Publication queued = new Publication(WRITTEN, null, 1, Status.PUBLISHED);
		Publication sending = new Publication(WRITTEN.plusSeconds(1), null, 1, Status.PROCESSING);
		Publication failed = new Publication(WRITTEN.plusSeconds(2), null, 1, Status.FAILED);
		Publication resent = new Publication(WRITTEN.plusSeconds(3), WRITTEN.plusSeconds(20), 2, Status.RESUBMITTED);
		Publication leftBehind = new Publication(started.minusSeconds(5), null, 1, Status.PUBLISHED);
		Publication fromBeforeStatuses = new Publication(WRITTEN.plusSeconds(4), null, 1, null);
		List<EventPublication> chosen = new ArrayList<>();
		IncompleteEventPublications table = new IncompleteEventPublications() {

			@Override
			public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
				Stream.of(queued, sending, failed, resent, leftBehind, fromBeforeStatuses)
					.filter(filter)
					.forEach(chosen::add);
			}

			@Override
			public void resubmitIncompletePublicationsOlderThan(Duration duration) {
				throw new UnsupportedOperationException();
			}

			@Override
			public void resubmitIncompletePublications(ResubmissionOptions options) {
				throw new UnsupportedOperationException();
			}

		};
		AtomicReference<Instant> time = new AtomicReference<>(started);
		Clock clock = new Clock() {

			@Override
			public Instant instant() {
				return time.get();
			}

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

		};
		Set<UUID> failedInTheTable = Set.of(failed.getIdentifier(), fromBeforeStatuses.getIdentifier());
		Outbox outbox = new Outbox(table, null, () -> failedInTheTable, new OutboxProperties(Duration.ofSeconds(2),
				Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofHours(1), true),
				clock);
		time.set(now);

		outbox.resubmitDue();

		assertThat(chosen).containsExactly(failed, leftBehind, fromBeforeStatuses);
		assertThat(outbox.backlog().pending()).isEqualTo(6);
	}

	/** A publication as Spring Modulith keeps it: the first send counts as an attempt. */
	record Publication(Instant getPublicationDate, Instant getLastResubmissionDate, int getCompletionAttempts,
			Status getStatus) implements EventPublication {

		/** One whose last attempt failed. */
		Publication(Instant getPublicationDate, Instant getLastResubmissionDate, int getCompletionAttempts) {
			this(getPublicationDate, getLastResubmissionDate, getCompletionAttempts, Status.FAILED);
		}

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

	}

}
