package org.example.restaurant.kitchen.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.example.restaurant.kitchen.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TicketLeases}, the cooks' lease protocol, with several threads racing like the
 * cooks of several replicas sharing one kitchen database. Replicas are told apart by the
 * instance id each cook claims for, as in production; leases pass exactly when a test
 * moves the clock. People at the {@link TicketDesk} change tickets in between.
 */
@Import(TicketLeasesTests.CommittedNews.class)
class TicketLeasesTests extends AbstractTicketDatabaseTests {

	static final int COOKS = 8;

	static final String GONE = "kitchen-service:gone";

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	CommittedNews committed;

	@BeforeEach
	void forgetTheNews() {
		this.committed.started.clear();
	}

	@Test
	void racingCooksOfSeveralReplicasClaimEveryTicketExactlyOnce() throws Exception {
		int ticketCount = 40;
		for (int i = 0; i < ticketCount; i++) {
			this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED.plusMillis(i)));
		}
		List<String> cooks = new ArrayList<>();
		for (int i = 1; i <= COOKS; i++) {
			cooks.add("kitchen-service:kitchen-" + i);
		}

		Map<UUID, ClaimedTicket> byTicket = raceFor(cooks, ticketCount);

		assertThat(this.tickets.findAll()).allSatisfy((ticket) -> {
			assertThat(ticket.getStatus()).isEqualTo(TicketStatus.PREPARING);
			assertThat(ticket.getPreparedBy()).isEqualTo(byTicket.get(ticket.getId()).cook());
		});
		assertThat(this.jdbc.queryForObject("select max(version) from ticket", Long.class)).isEqualTo(1);
		assertThat(this.committed.started).as("the news of each claim, committed by its winner only")
			.hasSize(ticketCount)
			.allSatisfy(
					(started) -> assertThat(started.preparedBy()).isEqualTo(byTicket.get(started.ticketId()).cook()));
	}

	@Test
	void racingCooksWinEveryQueuedAndEveryExpiredTicketExactlyOncePerExpiry() throws Exception {
		int ticketCount = 40;
		Instant goneLease = this.clock.instant().minusSeconds(1);
		Set<UUID> leftBehind = new HashSet<>();
		for (int i = 0; i < ticketCount; i++) {
			Ticket ticket = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED.plusMillis(i)));
			if (i % 2 == 1) {
				holdUnderLease(ticket, GONE, goneLease);
				leftBehind.add(ticket.getId());
			}
		}
		// four replicas with two cooks each: the cooks of one replica share its instance
		// id
		List<String> cooks = new ArrayList<>();
		for (int i = 0; i < COOKS; i++) {
			cooks.add("kitchen-service:kitchen-" + (i % 4 + 1));
		}

		Instant firstRound = this.clock.instant();
		Map<UUID, ClaimedTicket> firstWinners = raceARound(cooks, ticketCount);
		assertThat(firstWinners).allSatisfy((id, winner) -> assertThat(winner.startedAt())
			.isEqualTo(leftBehind.contains(id) ? Tickets.STARTED : firstRound));

		// every replica stalls past its leases: every ticket is won exactly once again
		this.clock.advance(LEASE.plusMillis(1));
		raceARound(cooks, ticketCount);
		assertThat(this.tickets.findAll()).allSatisfy(
				(ticket) -> assertThat(ticket.getStartedAt()).isEqualTo(firstWinners.get(ticket.getId()).startedAt()));
	}

	@Test
	void anotherReplicaTakesOverATicketWhoseHolderLetItsLeasePass() {
		Ticket ticket = this.tickets.save(Tickets.queued());
		ClaimedTicket first = this.leases.claimNext(Tickets.KITCHEN_1, LEASE).orElseThrow();
		assertThat(first.leaseUntil()).isEqualTo(this.clock.instant().plus(LEASE));

		Instant later = this.clock.advance(LEASE.plusSeconds(3));
		ClaimedTicket taken = this.leases.claimNext(KITCHEN_2, LEASE).orElseThrow();

		assertThat(taken.ticketId()).isEqualTo(ticket.getId());
		assertThat(taken.cook()).isEqualTo(KITCHEN_2);
		assertThat(taken.startedAt()).isEqualTo(first.startedAt());
		assertThat(taken.leaseUntil()).isEqualTo(later.plus(LEASE));
		assertThat(taken.longestPrepSeconds()).isEqualTo(240);
		Ticket stored = this.tickets.findById(ticket.getId()).orElseThrow();
		assertThat(stored.getStatus()).isEqualTo(TicketStatus.PREPARING);
		assertThat(stored.getPreparedBy()).isEqualTo(KITCHEN_2);
		assertThat(stored.getStartedAt()).isEqualTo(first.startedAt());
		assertThat(stored.getLeaseUntil()).isEqualTo(later.plus(LEASE));
		assertThat(this.events.stream(TicketStarted.class)).containsExactly(
				new TicketStarted(ticket.getId(), ticket.getOrderId(), Tickets.KITCHEN_1, first.startedAt(),
						ticket.getReceivedAt(), null),
				new TicketStarted(ticket.getId(), ticket.getOrderId(), KITCHEN_2, first.startedAt(),
						ticket.getReceivedAt(), Tickets.KITCHEN_1));
	}

	@Test
	void takesOverAnExpiredTicketBeforeNewerQueuedOnes() {
		Ticket newer = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED.plusSeconds(5)));
		Ticket older = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED));
		holdUnderLease(older, GONE, this.clock.instant().minusMillis(1));

		assertThat(this.leases.claimNext(KITCHEN_2, LEASE)).get()
			.extracting(ClaimedTicket::ticketId)
			.isEqualTo(older.getId());
		assertThat(this.leases.claimNext(KITCHEN_2, LEASE)).get()
			.extracting(ClaimedTicket::ticketId)
			.isEqualTo(newer.getId());
	}

	@Test
	void leavesATicketAloneWhileItsLeaseLasts() {
		Ticket ticket = this.tickets.save(Tickets.queued());
		ClaimedTicket held = this.leases.claimNext(Tickets.KITCHEN_1, LEASE).orElseThrow();

		this.clock.advance(LEASE);
		assertThat(this.leases.claimNext(KITCHEN_2, LEASE)).isEmpty();

		Ticket stored = this.tickets.findById(ticket.getId()).orElseThrow();
		assertThat(stored.getPreparedBy()).isEqualTo(Tickets.KITCHEN_1);
		assertThat(stored.getLeaseUntil()).isEqualTo(held.leaseUntil());
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.leases.claimNext(KITCHEN_2, LEASE)).isPresent();
	}

	@Test
	void renewingExtendsTheLeaseSoTheTicketIsNotTakenOver() {
		this.tickets.save(Tickets.queued());
		ClaimedTicket claimed = this.leases.claimNext(Tickets.KITCHEN_1, LEASE).orElseThrow();

		Instant renewedAt = this.clock.advance(Duration.ofSeconds(3));
		ClaimedTicket renewed = this.leases.renewLease(claimed, LEASE).orElseThrow();

		assertThat(renewed.leaseUntil()).isEqualTo(renewedAt.plus(LEASE));
		assertThat(renewed).isEqualTo(claimed.withLeaseUntil(renewedAt.plus(LEASE)));
		assertThat(this.tickets.findById(claimed.ticketId()).orElseThrow().getLeaseUntil())
			.isEqualTo(renewed.leaseUntil());
		this.clock.advance(LEASE.minusSeconds(1));
		assertThat(claimed.leaseUntil()).isBefore(this.clock.instant());
		assertThat(this.leases.claimNext(KITCHEN_2, LEASE)).isEmpty();
	}

	@Test
	void renewingFailsAndChangesNothingOnceAnotherReplicaTookTheTicketOver() {
		Takeover takeover = aTicketTakenOverBy(KITCHEN_2);

		assertThat(this.leases.renewLease(takeover.lost(), LEASE)).isEmpty();

		Ticket stored = this.tickets.findById(takeover.taken().ticketId()).orElseThrow();
		assertThat(stored.getPreparedBy()).isEqualTo(KITCHEN_2);
		assertThat(stored.getLeaseUntil()).isEqualTo(takeover.taken().leaseUntil());
		assertThat(this.leases.renewLease(takeover.taken(), LEASE)).isPresent();
	}

	@Test
	void aCookLearnsThatAnotherCookOfItsOwnReplicaTookItsTicketOver() {
		Takeover takeover = aTicketTakenOverBy(Tickets.KITCHEN_1);

		assertThat(takeover.taken().ticketId()).isEqualTo(takeover.lost().ticketId());
		assertThat(this.leases.renewLease(takeover.lost(), LEASE)).isEmpty();
		assertThat(this.leases.renewLease(takeover.taken(), LEASE)).isPresent();
	}

	@Test
	void aReplicaThatLostItsTicketCannotMarkItReady() {
		Takeover takeover = aTicketTakenOverBy(KITCHEN_2);

		assertThat(this.leases.finish(takeover.lost())).isFalse();

		Ticket stored = this.tickets.findById(takeover.lost().ticketId()).orElseThrow();
		assertThat(stored.getStatus()).isEqualTo(TicketStatus.PREPARING);
		assertThat(stored.getPreparedBy()).isEqualTo(KITCHEN_2);
		assertThat(this.events.stream(TicketReady.class)).isEmpty();
		assertThat(this.leases.finish(takeover.taken())).isTrue();
		assertThat(this.leases.finish(takeover.lost())).isFalse();
		assertThat(this.events.stream(TicketReady.class)).extracting(TicketReady::preparedBy)
			.containsExactly(KITCHEN_2);
	}

	@Test
	void aReplicaWhoseLeasePassedUnclaimedStillFinishesItsTicket() {
		this.tickets.save(Tickets.queued());
		ClaimedTicket claimed = this.leases.claimNext(Tickets.KITCHEN_1, LEASE).orElseThrow();
		this.clock.advance(LEASE.plusSeconds(1));

		assertThat(this.leases.finish(claimed)).isTrue();
		assertThat(this.leases.claimNext(KITCHEN_2, LEASE)).isEmpty();
	}

	@Test
	void neverTakesOverATicketAPersonStarted() {
		Ticket ticket = this.tickets.save(Tickets.queued());
		Ticket byHand = this.desk.start(ticket.getId());
		assertThat(byHand.getLeaseUntil()).isNull();

		this.clock.advance(Duration.ofDays(1));

		assertThat(this.leases.claimNext(KITCHEN_2, LEASE)).isEmpty();
		Ticket stored = this.tickets.findById(ticket.getId()).orElseThrow();
		assertThat(stored.getPreparedBy()).isEqualTo(byHand.getPreparedBy());
		assertThat(stored.getStatus()).isEqualTo(TicketStatus.PREPARING);
	}

	@Test
	void aPersonMayMarkATicketReadyThatACookHoldsAndTheCookThenLetsItGo() {
		this.tickets.save(Tickets.queued());
		ClaimedTicket claimed = this.leases.claimNext(Tickets.KITCHEN_1, LEASE).orElseThrow();

		Ticket ready = this.desk.markReady(claimed.ticketId());

		assertThat(ready.getLeaseUntil()).isNull();
		assertThat(this.leases.renewLease(claimed, LEASE)).isEmpty();
		this.clock.advance(LEASE.plusSeconds(1));
		assertThat(this.leases.claimNext(KITCHEN_2, LEASE)).isEmpty();
	}

	@Test
	void aStoppingReplicaHandsBackItsTicketsForAnotherReplicaToTakeOverAtOnce() {
		String thisReplica = "kitchen-service:local";
		Ticket first = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED));
		Ticket second = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED.plusSeconds(1)));
		Ticket byHand = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED.plusSeconds(2)));
		ClaimedTicket cooking = this.leases.claimNext(thisReplica, LEASE).orElseThrow();
		this.leases.claimNext(thisReplica, LEASE).orElseThrow();
		this.desk.start(byHand.getId());
		Ticket others = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED.plusSeconds(3)));
		this.leases.claimNext(KITCHEN_2, LEASE).orElseThrow();

		Instant stopped = this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.leases.handBack(thisReplica)).isEqualTo(2);

		assertThat(this.tickets.findById(first.getId()).orElseThrow().getLeaseUntil()).isEqualTo(stopped);
		assertThat(this.leases.renewLease(cooking, LEASE)).as("a late renewal of the stopping replica").isEmpty();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.leases.claimNext("kitchen-service:kitchen-3", LEASE)).get()
			.extracting(ClaimedTicket::ticketId)
			.isEqualTo(first.getId());
		assertThat(this.leases.claimNext("kitchen-service:kitchen-3", LEASE)).get()
			.extracting(ClaimedTicket::ticketId)
			.isEqualTo(second.getId());
		assertThat(this.leases.claimNext("kitchen-service:kitchen-3", LEASE)).isEmpty();
		assertThat(this.tickets.findById(byHand.getId()).orElseThrow().getPreparedBy()).isEqualTo(thisReplica);
		assertThat(this.tickets.findById(others.getId()).orElseThrow().getPreparedBy()).isEqualTo(KITCHEN_2);
	}

	@Test
	void aCookClaimsTheOldestQueuedTicketAndTellsTheOrderService() {
		Ticket later = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED.plusSeconds(5)));
		Ticket oldest = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED));

		ClaimedTicket claimed = this.leases.claimNext(KITCHEN_2, LEASE).orElseThrow();

		assertThat(claimed.ticketId()).isEqualTo(oldest.getId());
		assertThat(claimed.orderId()).isEqualTo(oldest.getOrderId());
		assertThat(claimed.longestPrepSeconds()).isEqualTo(240);
		assertThat(claimed.leaseUntil()).isEqualTo(TestClock.START.plus(LEASE));
		assertThat(this.tickets.findById(oldest.getId()).orElseThrow().getLeaseUntil())
			.isEqualTo(TestClock.START.plus(LEASE));
		assertThat(this.tickets.findById(later.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.QUEUED);
		assertThat(this.events.stream(TicketStarted.class)).containsExactly(new TicketStarted(oldest.getId(),
				oldest.getOrderId(), KITCHEN_2, claimed.startedAt(), oldest.getReceivedAt(), null));
	}

	@Test
	void findsNothingToClaimInAnEmptyQueue() {
		this.tickets.save(Tickets.ready());
		// saving the ready ticket announced how it got there; only the claim counts here
		this.events.clear();

		assertThat(this.leases.claimNext(Tickets.KITCHEN_1, LEASE)).isEmpty();
		assertThat(this.events.stream(TicketStarted.class)).isEmpty();
	}

	@Test
	void aCookMarksItsTicketReadyAndTellsTheOrderService() {
		this.tickets.save(Tickets.queued());
		ClaimedTicket claimed = this.leases.claimNext(Tickets.KITCHEN_1, LEASE).orElseThrow();

		assertThat(this.leases.finish(claimed)).isTrue();

		Ticket ready = this.tickets.findById(claimed.ticketId()).orElseThrow();
		assertThat(ready.getStatus()).isEqualTo(TicketStatus.READY);
		assertThat(this.events.stream(TicketReady.class)).containsExactly(new TicketReady(claimed.ticketId(),
				claimed.orderId(), Tickets.KITCHEN_1, ready.getReadyAt(), claimed.startedAt()));
	}

	@Test
	void aCookLeavesATicketAPersonAlreadyMarkedReady() {
		this.tickets.save(Tickets.queued());
		ClaimedTicket claimed = this.leases.claimNext(Tickets.KITCHEN_1, LEASE).orElseThrow();
		Ticket byHand = this.desk.markReady(claimed.ticketId());

		assertThat(this.leases.finish(claimed)).isFalse();

		assertThat(this.tickets.findById(claimed.ticketId()).orElseThrow().getReadyAt()).isEqualTo(byHand.getReadyAt());
		assertThat(this.events.stream(TicketReady.class)).hasSize(1);
	}

	/**
	 * Lets every cook claim until nothing is claimable, all at once.
	 * @return the winner of each ticket, after checking that no ticket was won twice
	 */
	private Map<UUID, ClaimedTicket> raceFor(List<String> cooks, int ticketCount) throws Exception {
		ConcurrentLinkedQueue<ClaimedTicket> won = new ConcurrentLinkedQueue<>();
		CountDownLatch go = new CountDownLatch(1);
		List<Callable<Void>> racers = new ArrayList<>();
		for (String cook : cooks) {
			racers.add(() -> {
				go.await();
				Optional<ClaimedTicket> claimed;
				while ((claimed = this.leases.claimNext(cook, LEASE)).isPresent()) {
					won.add(claimed.get());
				}
				return null;
			});
		}

		Races.runAtOnce(racers, go);

		assertThat(won).extracting(ClaimedTicket::ticketId).doesNotHaveDuplicates().hasSize(ticketCount);
		return won.stream().collect(Collectors.toMap(ClaimedTicket::ticketId, Function.identity()));
	}

	/**
	 * A new ticket that a cook of {@link Tickets#KITCHEN_1} claimed and whose lease it
	 * let pass, then {@code taker} claimed.
	 */
	private Takeover aTicketTakenOverBy(String taker) {
		this.tickets.save(Tickets.queued());
		ClaimedTicket lost = this.leases.claimNext(Tickets.KITCHEN_1, LEASE).orElseThrow();
		this.clock.advance(LEASE.plusSeconds(1));
		return new Takeover(lost, this.leases.claimNext(taker, LEASE).orElseThrow());
	}

	/**
	 * Makes a queued ticket one that the automatic cook of {@code holder} is preparing,
	 * started at {@link Tickets#STARTED}, under a lease until {@code leaseUntil}.
	 */
	private void holdUnderLease(Ticket ticket, String holder, Instant leaseUntil) {
		new TransactionTemplate(this.transactionManager).executeWithoutResult(
				(status) -> assertThat(this.tickets.claim(ticket.getId(), holder, Tickets.STARTED, leaseUntil))
					.isEqualTo(1));
	}

	/**
	 * Has the cooks race for the tickets now, and checks what every round leaves: each
	 * ticket claimed exactly once more (its version one up), preparing by its winner,
	 * under a lease from now.
	 * @return the winning claim of each ticket
	 */
	private Map<UUID, ClaimedTicket> raceARound(List<String> cooks, int ticketCount) throws Exception {
		Map<UUID, Long> versionsBefore = versions();
		Instant round = this.clock.instant();
		Map<UUID, ClaimedTicket> winners = raceFor(cooks, ticketCount);

		assertThat(versions()).allSatisfy((id, version) -> assertThat(version).isEqualTo(versionsBefore.get(id) + 1));
		assertThat(this.tickets.findAll()).allSatisfy((ticket) -> {
			assertThat(ticket.getStatus()).isEqualTo(TicketStatus.PREPARING);
			assertThat(ticket.getPreparedBy()).isEqualTo(winners.get(ticket.getId()).cook());
			assertThat(ticket.getLeaseUntil()).isEqualTo(round.plus(LEASE));
		});
		return winners;
	}

	private Map<UUID, Long> versions() {
		return this.jdbc.query("select id, version from ticket", (row) -> {
			Map<UUID, Long> versions = new HashMap<>();
			while (row.next()) {
				versions.put(row.getObject(1, UUID.class), row.getLong(2));
			}
			return versions;
		});
	}

	/** The claim a cook lost when its lease passed, and the claim that took it over. */
	record Takeover(ClaimedTicket lost, ClaimedTicket taken) {

	}

	/**
	 * The news that reaches the outbox's listeners: what was published in a transaction
	 * that committed, from whichever thread (a test's recorded events only see its own
	 * thread).
	 */
	static class CommittedNews {

		final Queue<TicketStarted> started = new ConcurrentLinkedQueue<>();

		@TransactionalEventListener
		public void on(TicketStarted news) {
			this.started.add(news);
		}

	}

}
