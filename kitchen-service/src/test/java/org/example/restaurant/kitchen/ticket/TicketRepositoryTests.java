package org.example.restaurant.kitchen.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@DataJpaTest
class TicketRepositoryTests {

	static final Instant NOW = Instant.parse("2026-11-25T19:00:10Z");

	static final String KITCHEN_2 = "kitchen-service:kitchen-2";

	@Autowired
	TicketRepository tickets;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void storesATicketWithItsItemsInOrder() {
		Ticket ticket = this.tickets.saveAndFlush(Tickets.queued());
		this.entityManager.clear();

		Ticket reloaded = this.tickets.findByOrderId(ticket.getOrderId()).orElseThrow();

		assertThat(reloaded.getId()).isEqualTo(ticket.getId());
		assertThat(reloaded.getTable()).isEqualTo("T4");
		assertThat(reloaded.getStatus()).isEqualTo(TicketStatus.QUEUED);
		assertThat(reloaded.getPlacedAt()).isEqualTo(Tickets.PLACED);
		assertThat(reloaded.getReceivedAt()).isEqualTo(Tickets.RECEIVED);
		assertThat(reloaded.getItems())
			.extracting(TicketItem::name, TicketItem::quantity, TicketItem::note, TicketItem::prepSeconds)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Margherita", 2, "no basil", 240),
					org.assertj.core.groups.Tuple.tuple("Green salad", 1, null, 120));
	}

	@Test
	void refusesASecondTicketForTheSameOrder() {
		UUID orderId = UUID.randomUUID();
		this.tickets.saveAndFlush(Tickets.queued(orderId, Tickets.RECEIVED));

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.tickets.saveAndFlush(Tickets.queued(orderId, Tickets.RECEIVED.plusSeconds(1))));
	}

	@Test
	void listsTicketsOldestFirstAndByStatus() {
		Ticket later = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED.plusSeconds(10)));
		Ticket earlier = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED));
		Ticket ready = Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED.plusSeconds(5));
		ready.start(Tickets.KITCHEN_1, Tickets.STARTED);
		ready.markReady(Tickets.READY);
		this.tickets.saveAndFlush(ready);

		assertThat(this.tickets.findAllByOrderByReceivedAtAscIdAsc()).extracting(Ticket::getId)
			.containsExactly(earlier.getId(), ready.getId(), later.getId());
		assertThat(this.tickets.findByStatusInOrderByReceivedAtAscIdAsc(Set.of(TicketStatus.QUEUED)))
			.extracting(Ticket::getId)
			.containsExactly(earlier.getId(), later.getId());
		assertThat(
				this.tickets.findByStatusInOrderByReceivedAtAscIdAsc(Set.of(TicketStatus.READY, TicketStatus.QUEUED)))
			.extracting(Ticket::getId)
			.containsExactly(earlier.getId(), ready.getId(), later.getId());
		assertThat(this.tickets
			.findByStatusInOrderByReceivedAtAscIdAsc(Set.of(TicketStatus.PREPARING, TicketStatus.CANCELLED))).isEmpty();
	}

	@Test
	void findsTheQueuedTicketsAndTheExpiredLeasesOldestFirst() {
		Ticket later = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED.plusSeconds(10)));
		Ticket earlier = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED));
		Ticket expired = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED.plusSeconds(5)));
		Ticket live = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED.plusSeconds(1)));
		this.tickets.save(Tickets.preparing());
		this.tickets.save(Tickets.ready());
		this.tickets.save(Tickets.cancelled());
		this.tickets.flush();
		this.tickets.claim(expired.getId(), Tickets.KITCHEN_1, Tickets.STARTED, NOW.minusMillis(1));
		this.tickets.claim(live.getId(), Tickets.KITCHEN_1, Tickets.STARTED, NOW);

		assertThat(this.tickets.findClaimableOldestFirst(NOW, Limit.of(10))).containsExactly(
				new ClaimCandidate(earlier.getId(), TicketStatus.QUEUED, null, null, Tickets.RECEIVED),
				new ClaimCandidate(expired.getId(), TicketStatus.PREPARING, Tickets.KITCHEN_1, NOW.minusMillis(1),
						Tickets.RECEIVED.plusSeconds(5)),
				new ClaimCandidate(later.getId(), TicketStatus.QUEUED, null, null, Tickets.RECEIVED.plusSeconds(10)));
		assertThat(this.tickets.findClaimableOldestFirst(NOW, Limit.of(1))).extracting(ClaimCandidate::id)
			.containsExactly(earlier.getId());
		assertThat(this.tickets.findClaimableOldestFirst(NOW, Limit.of(2))).extracting(ClaimCandidate::id)
			.containsExactly(earlier.getId(), expired.getId());
	}

	@Test
	void ordersClaimableTicketsReceivedAtTheSameInstantByIdAsTheDatabaseDoes() {
		for (int i = 0; i < 8; i++) {
			this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED));
			Ticket expired = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED));
			this.tickets.flush();
			this.tickets.claim(expired.getId(), Tickets.KITCHEN_1, Tickets.STARTED, NOW.minusMillis(1));
		}

		// the database's own order of the same sixteen tickets, by received_at then id
		assertThat(this.tickets.findClaimableOldestFirst(NOW, Limit.of(16))).extracting(ClaimCandidate::id)
			.containsExactlyElementsOf(
					this.tickets.findAllByOrderByReceivedAtAscIdAsc().stream().map(Ticket::getId).toList());
	}

	@Test
	void claimsAQueuedTicketOnlyOnceUnderALease() {
		Ticket ticket = this.tickets.saveAndFlush(Tickets.queued());
		Instant at = Instant.parse("2026-11-25T19:01:00Z");

		assertThat(this.tickets.claim(ticket.getId(), KITCHEN_2, at, at.plusSeconds(10))).isEqualTo(1);
		assertThat(this.tickets.claim(ticket.getId(), "kitchen-service:kitchen-3", at, at.plusSeconds(10))).isZero();

		Ticket claimed = this.tickets.findById(ticket.getId()).orElseThrow();
		assertThat(claimed.getStatus()).isEqualTo(TicketStatus.PREPARING);
		assertThat(claimed.getPreparedBy()).isEqualTo(KITCHEN_2);
		assertThat(claimed.getStartedAt()).isEqualTo(at);
		assertThat(claimed.getLeaseUntil()).isEqualTo(at.plusSeconds(10));
		assertThat(version(ticket)).isEqualTo(1);
	}

	@Test
	void doesNotClaimACancelledTicket() {
		Ticket ticket = this.tickets.saveAndFlush(Tickets.cancelled());

		assertThat(this.tickets.claim(ticket.getId(), Tickets.KITCHEN_1, Tickets.STARTED, NOW)).isZero();
		assertThat(this.tickets.findById(ticket.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.CANCELLED);
	}

	@Test
	void takesOverATicketOnlyAsItWasSeenWithItsLeasePassed() {
		Ticket ticket = this.tickets.saveAndFlush(Tickets.queued());
		Instant lease = NOW.minusSeconds(2);
		this.tickets.claim(ticket.getId(), Tickets.KITCHEN_1, Tickets.STARTED, lease);

		// seen with another holder, with another lease, or before the lease passed
		assertThat(this.tickets.takeOver(ticket.getId(), KITCHEN_2, KITCHEN_2, lease, NOW, NOW.plusSeconds(10)))
			.isZero();
		assertThat(this.tickets.takeOver(ticket.getId(), KITCHEN_2, Tickets.KITCHEN_1, lease.minusMillis(1), NOW,
				NOW.plusSeconds(10)))
			.isZero();
		assertThat(this.tickets.takeOver(ticket.getId(), KITCHEN_2, Tickets.KITCHEN_1, lease, lease,
				lease.plusSeconds(10)))
			.isZero();
		assertThat(this.tickets.takeOver(ticket.getId(), KITCHEN_2, Tickets.KITCHEN_1, lease, NOW, NOW.plusSeconds(10)))
			.isEqualTo(1);
		assertThat(this.tickets.takeOver(ticket.getId(), "kitchen-service:kitchen-3", Tickets.KITCHEN_1, lease, NOW,
				NOW.plusSeconds(10)))
			.isZero();

		Ticket taken = this.tickets.findById(ticket.getId()).orElseThrow();
		assertThat(taken.getStatus()).isEqualTo(TicketStatus.PREPARING);
		assertThat(taken.getPreparedBy()).isEqualTo(KITCHEN_2);
		assertThat(taken.getLeaseUntil()).isEqualTo(NOW.plusSeconds(10));
		assertThat(taken.getStartedAt()).isEqualTo(Tickets.STARTED);
		assertThat(version(ticket)).isEqualTo(2);
	}

	@Test
	void neverTakesOverATicketAPersonStarted() {
		Ticket ticket = this.tickets.saveAndFlush(Tickets.preparing());

		assertThat(this.tickets.findClaimableOldestFirst(NOW.plus(Duration.ofDays(1)), Limit.of(10))).isEmpty();
		assertThat(this.tickets.takeOver(ticket.getId(), KITCHEN_2, Tickets.KITCHEN_1, null, NOW, NOW.plusSeconds(10)))
			.isZero();
		assertThat(this.tickets.findById(ticket.getId()).orElseThrow().getPreparedBy()).isEqualTo(Tickets.KITCHEN_1);
	}

	@Test
	void renewsALeaseOnlyForItsHolderUnderTheLeaseItSetLast() {
		Ticket ticket = this.tickets.saveAndFlush(Tickets.queued());
		this.tickets.claim(ticket.getId(), Tickets.KITCHEN_1, Tickets.STARTED, NOW);

		assertThat(this.tickets.renewLease(ticket.getId(), KITCHEN_2, NOW, NOW.plusSeconds(10))).isZero();
		assertThat(this.tickets.renewLease(ticket.getId(), Tickets.KITCHEN_1, NOW.minusMillis(1), NOW.plusSeconds(10)))
			.isZero();
		assertThat(this.tickets.renewLease(ticket.getId(), Tickets.KITCHEN_1, NOW, NOW.plusSeconds(10))).isEqualTo(1);
		assertThat(this.tickets.renewLease(ticket.getId(), Tickets.KITCHEN_1, NOW, NOW.plusSeconds(20))).isZero();

		assertThat(this.tickets.findById(ticket.getId()).orElseThrow().getLeaseUntil()).isEqualTo(NOW.plusSeconds(10));
		assertThat(version(ticket)).as("a renewal must not make a person's concurrent change fail").isEqualTo(1);
	}

	@Test
	void renewsNoLeaseOnATicketAPersonStarted() {
		Ticket ticket = this.tickets.saveAndFlush(Tickets.preparing());

		assertThat(this.tickets.renewLease(ticket.getId(), Tickets.KITCHEN_1, NOW, NOW.plusSeconds(10))).isZero();
		assertThat(this.tickets.findById(ticket.getId()).orElseThrow().getLeaseUntil()).isNull();
	}

	@Test
	void finishesATicketOnlyForTheCookPreparingItAndDropsItsLease() {
		Ticket ticket = this.tickets.saveAndFlush(Tickets.queued());
		this.tickets.claim(ticket.getId(), Tickets.KITCHEN_1, Tickets.STARTED, NOW);

		assertThat(this.tickets.finish(ticket.getId(), KITCHEN_2, NOW, Tickets.READY)).isZero();
		assertThat(this.tickets.finish(ticket.getId(), Tickets.KITCHEN_1, NOW.minusSeconds(1), Tickets.READY))
			.as("a cook whose lease was replaced by a later one")
			.isZero();
		assertThat(this.tickets.finish(ticket.getId(), Tickets.KITCHEN_1, NOW, Tickets.READY)).isEqualTo(1);
		assertThat(this.tickets.finish(ticket.getId(), Tickets.KITCHEN_1, NOW, Tickets.READY)).isZero();

		Ticket ready = this.tickets.findById(ticket.getId()).orElseThrow();
		assertThat(ready.getStatus()).isEqualTo(TicketStatus.READY);
		assertThat(ready.getReadyAt()).isEqualTo(Tickets.READY);
		assertThat(ready.getPreparedBy()).isEqualTo(Tickets.KITCHEN_1);
		assertThat(ready.getLeaseUntil()).isNull();
	}

	@Test
	void handsBackOnlyTheLiveLeasesOfTheStoppingReplica() {
		Ticket mine = this.tickets.saveAndFlush(Tickets.queued());
		Ticket expired = this.tickets.saveAndFlush(Tickets.queued());
		Ticket others = this.tickets.saveAndFlush(Tickets.queued());
		Ticket byHand = this.tickets.saveAndFlush(Tickets.preparing());
		this.tickets.claim(mine.getId(), Tickets.KITCHEN_1, Tickets.STARTED, NOW.plusSeconds(5));
		this.tickets.claim(expired.getId(), Tickets.KITCHEN_1, Tickets.STARTED, NOW.minusSeconds(5));
		this.tickets.claim(others.getId(), KITCHEN_2, Tickets.STARTED, NOW.plusSeconds(5));

		assertThat(this.tickets.handBack(Tickets.KITCHEN_1, NOW)).isEqualTo(1);

		assertThat(this.tickets.findById(mine.getId()).orElseThrow().getLeaseUntil()).isEqualTo(NOW);
		assertThat(this.tickets.findById(expired.getId()).orElseThrow().getLeaseUntil()).isEqualTo(NOW.minusSeconds(5));
		assertThat(this.tickets.findById(others.getId()).orElseThrow().getLeaseUntil()).isEqualTo(NOW.plusSeconds(5));
		assertThat(this.tickets.findById(byHand.getId()).orElseThrow().getLeaseUntil()).isNull();
		assertThat(this.tickets.findClaimableOldestFirst(NOW.plusMillis(1), Limit.of(10)))
			.extracting(ClaimCandidate::id)
			.containsExactlyInAnyOrder(mine.getId(), expired.getId());
	}

	@Test
	void countsPreparedInProgressAndAwaitingTakeoverTicketsPerReplica() {
		this.tickets.save(Tickets.ready());
		this.tickets.save(Tickets.ready());
		this.tickets.save(Tickets.preparing());
		this.tickets.save(Tickets.queued());
		Ticket live = this.tickets.save(Tickets.queued());
		Ticket expired = this.tickets.save(Tickets.queued());
		Ticket elsewhere = this.tickets.save(Tickets.queued());
		this.tickets.flush();
		this.tickets.claim(live.getId(), Tickets.KITCHEN_1, Tickets.STARTED, NOW);
		this.tickets.claim(expired.getId(), Tickets.KITCHEN_1, Tickets.STARTED, NOW.minusMillis(1));
		this.tickets.claim(elsewhere.getId(), KITCHEN_2, Tickets.STARTED, NOW.minusSeconds(30));

		assertThat(this.tickets.countByPreparer(NOW)).containsExactlyInAnyOrder(
				new PreparerCount(Tickets.KITCHEN_1, 2L, 2L, 1L), new PreparerCount(KITCHEN_2, 0L, 0L, 1L));
	}

	@Test
	void migrationAddsTheLeaseColumnEmpty() {
		assertThat(this.jdbc.queryForObject("select count(*) from ticket where lease_until is not null", Long.class))
			.isZero();
	}

	@Test
	void migrationCreatesTheOutboxTable() {
		assertThat(this.jdbc.queryForObject("select count(*) from event_publication", Long.class)).isZero();
	}

	private long version(Ticket ticket) {
		return this.jdbc.queryForObject("select version from ticket where id = ?", Long.class, ticket.getId());
	}

}
