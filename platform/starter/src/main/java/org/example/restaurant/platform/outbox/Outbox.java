package org.example.restaurant.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps watch over this service's outbox (Spring Modulith's event publication registry):
 * sends unaccepted messages again with exponential back-off ({@link Backoff}), once an
 * attempt failed or when an earlier run left them behind (never while this process is
 * still making their first attempt), makes a backlog visible (health {@code outbox},
 * gauges {@code restaurant.outbox.pending} and {@code restaurant.outbox.stuck}, one
 * warning per stuck message and one line when it finally goes through) and purges
 * delivered messages after {@code restaurant.outbox.keep-completed}.
 * <p>
 * A message being re-sent is marked by Spring Modulith (status {@code RESUBMITTED}, one
 * more attempt, a new resubmission date), which spaces out the processes that share the
 * outbox, since each reads the back-off from the publication. It is no lock: the mark is
 * lifted as soon as the listener starts, so two processes, or a re-send and a slow first
 * attempt, may now and then send the same message twice. The receivers are idempotent. A
 * process that died during a re-send leaves the mark behind until Spring Modulith's
 * staleness check marks the message failed ({@code spring.modulith.events.staleness.*}).
 */
public class Outbox implements HealthIndicator, MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final FailedPublications failed;

	private final OutboxProperties properties;

	private final Backoff backoff;

	private final Clock clock;

	/** When this process's outbox began: what was written before is nobody's to send. */
	private final Instant started;

	/** Stuck messages already reported, with how they were described. */
	private final Map<UUID, String> reported = new ConcurrentHashMap<>();

	private volatile Backlog backlog = new Backlog(0, 0, null);

	Outbox(IncompleteEventPublications incomplete, CompletedEventPublications completed, FailedPublications failed,
			OutboxProperties properties, Clock clock) {
		this.incomplete = incomplete;
		this.failed = failed;
		this.completed = completed;
		this.properties = properties;
		this.backoff = properties.backoff();
		this.clock = clock;
		this.started = clock.instant();
	}

	@Scheduled(initialDelayString = "${restaurant.outbox.resubmit-interval:2s}",
			fixedDelayString = "${restaurant.outbox.resubmit-interval:2s}")
	void resubmitDue() {
		Instant now = this.clock.instant();
		// Spring Modulith shows the filter every incomplete publication, so one look
		// serves both to pick the messages due and to take stock of the backlog
		List<EventPublication> pending = new ArrayList<>();
		Set<UUID> failed = this.failed.ids();
		this.incomplete.resubmitIncompletePublications((publication) -> {
			pending.add(publication);
			return awaitsAnotherAttempt(publication, failed) && this.backoff.isDue(publication, now);
		});
		this.backlog = Backlog.of(pending, now, this.properties.stuckAfter());
		report(pending, now);
	}

	/**
	 * Whether nobody is sending the message now: its last attempt failed (Spring Modulith
	 * marks a publication {@code FAILED} when its listener throws, and when a send has
	 * been under way longer than its staleness settings allow, so a process that died
	 * mid-send is caught there; read from the table, {@link FailedPublications}, as the
	 * publications Spring Modulith hands the filter carry the status they were written
	 * with), or it was written before this process started (a message of an earlier run
	 * that never got its first attempt). A message this process wrote and has not yet
	 * tried, or is trying, is left alone, however long it has waited: under load the
	 * first attempts queue for the listener threads, and re-sending them then would only
	 * add copies to that queue (docs/performance.md).
	 */
	private boolean awaitsAnotherAttempt(EventPublication publication, Set<UUID> failed) {
		return failed.contains(publication.getIdentifier()) || publication.getPublicationDate().isBefore(this.started);
	}

	@Scheduled(fixedDelayString = "${restaurant.outbox.purge-interval:10m}")
	void purgeDelivered() {
		this.completed.deletePublicationsOlderThan(this.properties.keepCompleted());
	}

	/** What the outbox held at its last look. */
	public Backlog backlog() {
		return this.backlog;
	}

	private void report(List<EventPublication> pending, Instant now) {
		Set<UUID> stillPending = new HashSet<>();
		for (EventPublication publication : pending) {
			stillPending.add(publication.getIdentifier());
			Duration waiting = Duration.between(publication.getPublicationDate(), now);
			if (waiting.compareTo(this.properties.stuckAfter()) >= 0
					&& !this.reported.containsKey(publication.getIdentifier())) {
				String message = describe(publication);
				this.reported.put(publication.getIdentifier(), message);
				log.warn("Outbox: {} not accepted after {} s and {} attempts; still sending it, at most {} s apart",
						message, waiting.toSeconds(), publication.getCompletionAttempts(),
						this.properties.maxBackoff().toSeconds());
			}
		}
		this.reported.entrySet().removeIf((entry) -> {
			boolean gone = !stillPending.contains(entry.getKey());
			if (gone) {
				log.info("Outbox: {} is no longer stuck: delivered or given up", entry.getValue());
			}
			return gone;
		});
	}

	private static String describe(EventPublication publication) {
		try {
			return String.valueOf(publication.getEvent());
		}
		catch (RuntimeException ex) {
			// an event that no longer reads (its class changed): still report it
			return "message " + publication.getIdentifier() + " (unreadable: " + ex.getMessage() + ")";
		}
	}

	@Override
	public Health health() {
		Backlog current = this.backlog;
		Health.Builder health = Health.up()
			.withDetail("pending", current.pending())
			.withDetail("stuck", current.stuck())
			.withDetail("stuckAfter", this.properties.stuckAfter().toString());
		if (current.oldest() != null) {
			health.withDetail("oldestSince", current.oldest().toString());
		}
		return health.build();
	}

	@Override
	public void bindTo(MeterRegistry meters) {
		Gauge.builder("restaurant.outbox.pending", this, (outbox) -> outbox.backlog().pending())
			.description("Messages written to the outbox and not yet accepted by their receiver")
			.register(meters);
		Gauge.builder("restaurant.outbox.stuck", this, (outbox) -> outbox.backlog().stuck())
			.description("Outbox messages not accepted within restaurant.outbox.stuck-after")
			.register(meters);
	}

	/**
	 * The messages whose last attempt failed (status {@code FAILED}, or none: rows from
	 * before Spring Modulith 2 kept statuses), as the outbox table says now.
	 */
	@FunctionalInterface
	interface FailedPublications {

		Set<UUID> ids();

	}

	/**
	 * What the outbox held at its last look.
	 *
	 * @param pending messages not yet accepted
	 * @param stuck those of them older than {@code stuck-after}
	 * @param oldest when the oldest of them was written, or {@code null}
	 */
	public record Backlog(int pending, int stuck, Instant oldest) {

		static Backlog of(Collection<? extends EventPublication> pending, Instant now, Duration stuckAfter) {
			Instant oldest = pending.stream()
				.map(EventPublication::getPublicationDate)
				.min(Instant::compareTo)
				.orElse(null);
			int stuck = (int) pending.stream()
				.filter((publication) -> !publication.getPublicationDate().plus(stuckAfter).isAfter(now))
				.count();
			return new Backlog(pending.size(), stuck, oldest);
		}

	}

}
