package org.example.restaurant.kitchen.ticket;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The kitchen's business metrics, moved by the real operations of the {@link TicketDesk}
 * (a person) and of {@link TicketLeases} (the automatic cooks), each committing its own
 * transaction, with time moved by the test clock. Each test looks at how far the meters
 * moved.
 */
@Import({ TicketMetrics.class, TicketMetricsTests.Registry.class })
class TicketMetricsTests extends AbstractTicketDatabaseTests {

	static final String THIS_REPLICA = "kitchen-service:local";

	@Autowired
	HistogramsSeen registry;

	@Autowired
	PlatformTransactionManager transactionManager;

	private Reading before;

	@BeforeEach
	void readTheMeters() {
		this.before = read(THIS_REPLICA, KITCHEN_2);
	}

	@Test
	void aTicketStartedThenReadyByAPersonIsTimedAndCountedForThisReplica() {
		UUID ticketId = receive();
		this.clock.advance(Duration.ofSeconds(150));
		this.desk.start(ticketId);
		Reading started = read(THIS_REPLICA, KITCHEN_2);
		this.clock.advance(Duration.ofMinutes(7));

		this.desk.markReady(ticketId);

		Reading after = read(THIS_REPLICA, KITCHEN_2);
		assertThat(started.minus(this.before)).isEqualTo(new Reading(1, 150, 0, 0, 0, 0));
		assertThat(after.minus(this.before)).isEqualTo(new Reading(1, 150, 1, 420, 1, 0));
	}

	@Test
	void aTicketAnAutomaticCookClaimedAndFinishedIsCountedForThatCook() {
		receive();
		this.clock.advance(Duration.ofSeconds(2));
		ClaimedTicket claimed = this.leases.claimNext(KITCHEN_2, LEASE).orElseThrow();
		this.clock.advance(Duration.ofSeconds(5));

		assertThat(this.leases.finish(claimed)).isTrue();

		assertThat(read(THIS_REPLICA, KITCHEN_2).minus(this.before)).isEqualTo(new Reading(1, 2, 1, 5, 0, 1));
	}

	@Test
	void aTakeoverDoesNotTimeTheWaitAgainAndTheCookTimeRunsFromTheFirstStart() {
		receive();
		this.clock.advance(Duration.ofSeconds(3));
		this.leases.claimNext(Tickets.KITCHEN_1, LEASE).orElseThrow();
		this.clock.advance(LEASE.plusSeconds(1));
		ClaimedTicket taken = this.leases.claimNext(KITCHEN_2, LEASE).orElseThrow();
		this.clock.advance(Duration.ofSeconds(4));

		assertThat(this.leases.finish(taken)).isTrue();

		assertThat(read(THIS_REPLICA, KITCHEN_2).minus(this.before)).isEqualTo(new Reading(1, 3, 1, 15, 0, 1));
		assertThat(cooked(Tickets.KITCHEN_1)).as("the replica whose lease passed cooked nothing").isZero();
	}

	@Test
	void aTicketIsCountedOnceWhenAPersonMarksReadyWhatACookHolds() {
		receive();
		ClaimedTicket claimed = this.leases.claimNext(KITCHEN_2, LEASE).orElseThrow();
		this.clock.advance(Duration.ofSeconds(6));
		this.desk.markReady(claimed.ticketId());

		assertThat(this.leases.finish(claimed)).isFalse();

		assertThat(read(THIS_REPLICA, KITCHEN_2).minus(this.before)).isEqualTo(new Reading(1, 0, 1, 6, 0, 1));
	}

	@Test
	void countsNothingForChangesThatRolledBackOrWereRefused() {
		UUID ticketId = receive();
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		this.clock.advance(Duration.ofSeconds(30));

		transaction.executeWithoutResult((status) -> {
			this.desk.start(ticketId);
			status.setRollbackOnly();
		});
		assertThatExceptionOfType(TicketNotPreparing.class).isThrownBy(() -> this.desk.markReady(ticketId));
		this.desk.start(ticketId);
		transaction.executeWithoutResult((status) -> {
			this.desk.markReady(ticketId);
			status.setRollbackOnly();
		});
		assertThatExceptionOfType(TicketNotQueued.class).isThrownBy(() -> this.desk.start(ticketId));

		assertThat(this.tickets.findById(ticketId).orElseThrow().getStatus()).isEqualTo(TicketStatus.PREPARING);
		assertThat(read(THIS_REPLICA, KITCHEN_2).minus(this.before)).as("only the start that committed")
			.isEqualTo(new Reading(1, 30, 0, 0, 0, 0));
	}

	@Test
	void bothTimersPublishAPercentileHistogramFromMillisecondsToHours() {
		for (String name : new String[] { "restaurant.ticket.wait", "restaurant.ticket.cook" }) {
			DistributionStatisticConfig timer = this.registry.timers.get(name);
			assertThat(timer.isPublishingHistogram()).as(name).isTrue();
			// as Prometheus, which aggregates percentiles, gets them: the _bucket series
			double[] buckets = timer.getHistogramBuckets(true).stream().mapToDouble(Double::doubleValue).toArray();
			assertThat(buckets[0]).as(name).isLessThanOrEqualTo(Duration.ofMillis(100).toNanos());
			assertThat(buckets[buckets.length - 1]).as(name).isGreaterThanOrEqualTo(Duration.ofHours(2).toNanos());
		}
	}

	private UUID receive() {
		return this.desk.receive(Tickets.request(UUID.randomUUID())).ticket().getId();
	}

	private double cooked(String replica) {
		var counter = this.registry.find("restaurant.tickets.cooked").tag("replica", replica).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private Reading read(String replica, String otherReplica) {
		Timer wait = this.registry.get("restaurant.ticket.wait").timer();
		Timer cook = this.registry.get("restaurant.ticket.cook").timer();
		return new Reading(wait.count(), wait.totalTime(TimeUnit.SECONDS), cook.count(),
				cook.totalTime(TimeUnit.SECONDS), cooked(replica), cooked(otherReplica));
	}

	/**
	 * What the meters say: how many waits and cooking times were timed and their sums in
	 * seconds, and how many tickets each of two replicas cooked.
	 */
	record Reading(long waits, double waitSeconds, long cooks, double cookSeconds, double cookedHere,
			double cookedThere) {

		Reading minus(Reading earlier) {
			return new Reading(this.waits - earlier.waits, this.waitSeconds - earlier.waitSeconds,
					this.cooks - earlier.cooks, this.cookSeconds - earlier.cookSeconds,
					this.cookedHere - earlier.cookedHere, this.cookedThere - earlier.cookedThere);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Registry {

		@Bean
		HistogramsSeen meterRegistry() {
			return new HistogramsSeen();
		}

	}

	/**
	 * A simple registry that keeps how each timer asked for its distribution: a simple
	 * registry itself publishes no percentile histogram, only a registry that aggregates
	 * percentiles (Prometheus) does.
	 */
	static class HistogramsSeen extends SimpleMeterRegistry {

		final Map<String, DistributionStatisticConfig> timers = new ConcurrentHashMap<>();

		@Override
		protected Timer newTimer(Meter.Id id, DistributionStatisticConfig config, PauseDetector pauseDetector) {
			this.timers.put(id.getName(), config);
			return super.newTimer(id, config, pauseDetector);
		}

	}

}
