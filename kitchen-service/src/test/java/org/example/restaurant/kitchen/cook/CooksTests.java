package org.example.restaurant.kitchen.cook;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.tracing.Tracer;
import org.example.restaurant.platform.observability.ObservabilityAutoConfiguration;
import org.example.restaurant.platform.polling.ListVersions;
import org.example.restaurant.kitchen.support.TestClock;
import org.example.restaurant.kitchen.ticket.ClaimedTicket;
import org.example.restaurant.kitchen.ticket.TicketLeases;
import org.example.restaurant.platform.instance.InstanceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;

/**
 * The automatic cooks of one replica ({@code kitchen-service:local}) at work on a real
 * database, next to another replica simulated by claims made in the test. The test clock
 * stands still, so leases pass only when a test moves it; cooking and renewing run in
 * real time. Tracing is on, as in the service.
 */
@DataJpaTest
@ExtendWith(OutputCaptureExtension.class)
@Import({ TicketLeases.class, InstanceId.class, TestClock.class })
// the service's tracing, as it runs: Brave, the orderId baggage in the logging MDC
@ImportAutoConfiguration({ ObservationAutoConfiguration.class, BraveAutoConfiguration.class,
		MicrometerTracingAutoConfiguration.class, ObservabilityAutoConfiguration.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class CooksTests {

	static final String THIS_REPLICA = "kitchen-service:local";

	static final String OTHER_REPLICA = "kitchen-service:kitchen-2";

	static final Duration LEASE = Duration.ofSeconds(10);

	/**
	 * A ticket cooked at this scale takes 240 s: it is still cooking whenever a test
	 * looks.
	 */
	static final double REAL_TIME = 1.0;

	@Autowired
	TicketLeases leases;

	@Autowired
	InstanceId instanceId;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Tracer tracer;

	Cooks cooks;

	@BeforeEach
	void startTheShift() {
		this.clock.reset();
	}

	@AfterEach
	void emptyTheKitchen() {
		if (this.cooks != null) {
			this.cooks.stop();
		}
		this.jdbc.update("delete from ticket_item");
		this.jdbc.update("delete from ticket");
	}

	@Test
	void takesOverATicketLeftBehindByAGoneReplicaAndCooksItToReady() {
		UUID ticket = queuedTicket(0);
		this.jdbc.update(
				"update ticket set status = 'PREPARING', prepared_by = 'kitchen-service:gone', "
						+ "started_at = ?, lease_until = ?, version = 1 where id = ?",
				at(TestClock.START.minusSeconds(30)), at(TestClock.START.minusSeconds(20)), ticket);

		startCooks(0.0001, LEASE);

		awaitStatusAndCook(ticket, "READY by " + THIS_REPLICA);
	}

	@Test
	void renewsTheLeaseOfTheTicketItCooks() {
		UUID ticket = queuedTicket(0);
		startCooks(REAL_TIME, Duration.ofMillis(300));
		awaitStatusAndCook(ticket, "PREPARING by " + THIS_REPLICA);
		Instant firstLease = leaseUntil(ticket);

		Instant now = this.clock.advance(Duration.ofSeconds(1));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(leaseUntil(ticket)).isEqualTo(now.plusMillis(300)).isAfter(firstLease));
		assertThat(this.leases.claimNext(OTHER_REPLICA, LEASE)).isEmpty();
	}

	@Test
	void dropsATicketAnotherReplicaTookOverWithoutTouchingItAndCooksTheNext() {
		TwoTickets tickets = cookingTheFirstOfTwo();
		UUID first = tickets.first();

		// as if this replica had been paused past its lease and the other one took over
		Instant otherLease = TestClock.START.plus(LEASE);
		this.jdbc.update("update ticket set prepared_by = ?, lease_until = ?, version = version + 1 where id = ?",
				OTHER_REPLICA, at(otherLease), first);

		// the first ticket would keep the only cook busy for 240 s
		awaitStatusAndCook(tickets.second(), "PREPARING by " + THIS_REPLICA);
		assertThat(statusAndCook(first)).isEqualTo("PREPARING by " + OTHER_REPLICA);
		assertThat(leaseUntil(first)).isEqualTo(otherLease);
	}

	@Test
	void dropsATicketAPersonMarkedReadyAndCooksTheNext() {
		TwoTickets tickets = cookingTheFirstOfTwo();
		UUID first = tickets.first();

		// a person at the kitchen display marks it ready, as the API does
		this.jdbc.update("update ticket set status = 'READY', ready_at = started_at, lease_until = null, "
				+ "version = version + 1 where id = ?", first);

		awaitStatusAndCook(tickets.second(), "PREPARING by " + THIS_REPLICA);
		assertThat(statusAndCook(first)).isEqualTo("READY by " + THIS_REPLICA);
		assertThat(leaseUntil(first)).isNull();
	}

	@Test
	void handsBackItsUnfinishedTicketsWhenStoppedSoAnotherReplicaTakesThemOverAtOnce() {
		UUID ticket = queuedTicket(0);
		startCooks(REAL_TIME, LEASE);
		awaitStatusAndCook(ticket, "PREPARING by " + THIS_REPLICA);

		this.cooks.stop();

		assertThat(this.cooks.isRunning()).isFalse();
		assertThat(leaseUntil(ticket)).isEqualTo(this.clock.instant());
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.leases.claimNext(OTHER_REPLICA, LEASE)).get()
			.extracting(ClaimedTicket::ticketId)
			.isEqualTo(ticket);
		assertThat(statusAndCook(ticket)).isEqualTo("PREPARING by " + OTHER_REPLICA);
	}

	@Test
	void aFinishThatFailsForGoodIsLoggedOnceAndTheCookGivesTheTicketUpAndCooksTheNext(CapturedOutput output) {
		UUID broken = queuedTicket(0);
		UUID next = queuedTicket(1);
		TicketLeases leases = leasesWhoseFirstFinishThrows(
				new DataIntegrityViolationException("the outbox refused the news"));
		startCooks(leases, 0.0001, LEASE);

		awaitStatusAndCook(next, "READY by " + THIS_REPLICA);
		// given up, not handed back: its lease lapses, then any replica may take it over
		assertThat(statusAndCook(broken)).isEqualTo("PREPARING by " + THIS_REPLICA);
		assertThat(leaseUntil(broken)).isEqualTo(TestClock.START.plus(LEASE));
		then(leases).should(times(1)).finish(argThat((claimed) -> claimed.ticketId().equals(broken)));
		assertThat(output.getOut().split("Could not mark ticket " + broken + " for order " + orderOf(broken), -1))
			.as("logged once, with the order id")
			.hasSize(2);

		this.clock.advance(LEASE.plusMillis(1));

		awaitStatusAndCook(broken, "READY by " + THIS_REPLICA);
	}

	@Test
	void aFinishThatFailsForAMomentIsTriedAgainAndTheTicketIsReady() {
		UUID ticket = queuedTicket(0);
		TicketLeases leases = leasesWhoseFirstFinishThrows(
				new CannotGetJdbcConnectionException("the database is restarting"));
		startCooks(leases, 0.0001, LEASE);

		awaitStatusAndCook(ticket, "READY by " + THIS_REPLICA);
		then(leases).should(times(2)).finish(any());
	}

	@Test
	void aCookStopsTryingATransientFailureOnceItsLeaseHasPassedAndCooksTheNext() {
		UUID unlucky = queuedTicket(0);
		UUID next = queuedTicket(1);
		TicketLeases leases = spy(this.leases);
		willThrow(new CannotAcquireLockException("the row stays locked")).given(leases)
			.finish(argThat((claimed) -> claimed.ticketId().equals(unlucky)));
		Duration lease = Duration.ofMillis(300);
		startCooks(leases, 0.0001, lease);

		awaitStatusAndCook(next, "READY by " + THIS_REPLICA);
		assertThat(statusAndCook(unlucky)).isEqualTo("PREPARING by " + THIS_REPLICA);
		// tried every poll interval (20 ms) for one lease, then given up
		then(leases).should(atLeast(2)).finish(argThat((claimed) -> claimed.ticketId().equals(unlucky)));
		then(leases).should(atMost((int) (lease.toMillis() / 20) + 1))
			.finish(argThat((claimed) -> claimed.ticketId().equals(unlucky)));
	}

	@Test
	void eachTicketIsCookedInATraceOfItsOwnWhoseLogLinesCarryItsOrder(CapturedOutput output) {
		UUID first = queuedTicket(0);
		UUID second = queuedTicket(1);
		startCooks(0.0001, LEASE);

		awaitStatusAndCook(second, "READY by " + THIS_REPLICA);

		String firstTrace = traceOfCooking(output.getOut(), first);
		String secondTrace = traceOfCooking(output.getOut(), second);
		assertThat(firstTrace).as("one trace per ticket").isNotEqualTo(secondTrace);
	}

	/**
	 * The trace id on the log lines of a ticket's cooking (started, ready), each of which
	 * carries it and the ticket's order in {@code [kitchen-service,trace,span,order]}.
	 */
	private String traceOfCooking(String out, UUID ticket) {
		UUID order = orderOf(ticket);
		Pattern correlation = Pattern.compile("\\[kitchen-service,([0-9a-f]{32}),[0-9a-f]{16}," + order + "] .*Ticket "
				+ ticket + " for order " + order + " (started|ready)");
		List<Matcher> lines = out.lines().map(correlation::matcher).filter(Matcher::find).toList();
		assertThat(lines).as("the started and ready lines of ticket " + ticket + " in:%n%s", out)
			.extracting((line) -> line.group(2))
			.containsExactly("started", "ready");
		assertThat(lines).extracting((line) -> line.group(1))
			.as("one trace from the claim to ready")
			.containsOnly(lines.get(0).group(1));
		return lines.get(0).group(1);
	}

	@Test
	void startWithTheReplicaOnlyWhenCookingIsAutomatic() {
		Duration lease = Duration.ofSeconds(10);
		assertThat(new Cooks(new KitchenSettings(2, 0.02, true, Duration.ofMillis(20), lease), this.leases,
				this.instanceId, this.tracer)
			.isAutoStartup()).isTrue();
		assertThat(new Cooks(new KitchenSettings(2, 0.02, false, Duration.ofMillis(20), lease), this.leases,
				this.instanceId, this.tracer)
			.isAutoStartup()).as("manual mode: people start and finish tickets through the API").isFalse();
	}

	private void startCooks(double timeScale, Duration lease) {
		startCooks(this.leases, timeScale, lease);
	}

	private void startCooks(TicketLeases leases, double timeScale, Duration lease) {
		KitchenSettings settings = new KitchenSettings(1, timeScale, true, Duration.ofMillis(20), lease);
		this.cooks = new Cooks(settings, leases, this.instanceId, this.tracer);
		this.cooks.start();
	}

	/**
	 * Two queued tickets of 240 s each, and the only cook of this replica started, with
	 * short leases, on the older one.
	 */
	private TwoTickets cookingTheFirstOfTwo() {
		UUID first = queuedTicket(0);
		UUID second = queuedTicket(1);
		startCooks(REAL_TIME, Duration.ofMillis(300));
		awaitStatusAndCook(first, "PREPARING by " + THIS_REPLICA);
		return new TwoTickets(first, second);
	}

	private void awaitStatusAndCook(UUID ticket, String statusAndCook) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(statusAndCook(ticket)).isEqualTo(statusAndCook));
	}

	/**
	 * The real leases, but the first {@code finish} of any ticket throws {@code failure}.
	 */
	private TicketLeases leasesWhoseFirstFinishThrows(RuntimeException failure) {
		TicketLeases leases = spy(this.leases);
		willThrow(failure).willCallRealMethod().given(leases).finish(any());
		return leases;
	}

	private UUID orderOf(UUID ticket) {
		return this.jdbc.queryForObject("select order_id from ticket where id = ?", UUID.class, ticket);
	}

	private UUID queuedTicket(int secondsAfterTheFirst) {
		UUID id = UUID.randomUUID();
		this.jdbc.update(
				"insert into ticket (id, order_id, table_code, status, received_at, version) "
						+ "values (?, ?, 'T4', 'QUEUED', ?, 0)",
				id, UUID.randomUUID(), at(TestClock.START.minusSeconds(60).plusSeconds(secondsAfterTheFirst)));
		this.jdbc.update("insert into ticket_item (ticket_id, line_no, name, quantity, prep_seconds) "
				+ "values (?, 0, 'Margherita', 1, 240)", id);
		return id;
	}

	private String statusAndCook(UUID ticket) {
		return this.jdbc.queryForObject("select status || ' by ' || prepared_by from ticket where id = ?", String.class,
				ticket);
	}

	private Instant leaseUntil(UUID ticket) {
		return this.jdbc.queryForObject("select lease_until from ticket where id = ?", Instant.class, ticket);
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record TwoTickets(UUID first, UUID second) {
	}

}
