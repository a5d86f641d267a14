package org.example.restaurant.kitchen.ticket;

import java.time.Instant;
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
			.extracting(TicketItem::getName, TicketItem::getQuantity, TicketItem::getNote, TicketItem::getPrepSeconds)
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
		assertThat(this.tickets.findByStatusOrderByReceivedAtAscIdAsc(TicketStatus.QUEUED)).extracting(Ticket::getId)
			.containsExactly(earlier.getId(), later.getId());
	}

	@Test
	void findsTheQueuedTicketsOldestFirst() {
		Ticket later = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED.plusSeconds(10)));
		Ticket earlier = this.tickets.save(Tickets.queued(UUID.randomUUID(), Tickets.RECEIVED));
		this.tickets.save(Tickets.preparing());
		this.tickets.save(Tickets.cancelled());
		this.tickets.flush();

		assertThat(this.tickets.findQueuedIdsOldestFirst(Limit.of(10))).containsExactly(earlier.getId(), later.getId());
		assertThat(this.tickets.findQueuedIdsOldestFirst(Limit.of(1))).containsExactly(earlier.getId());
	}

	@Test
	void claimsAQueuedTicketOnlyOnce() {
		Ticket ticket = this.tickets.saveAndFlush(Tickets.queued());
		Instant at = Instant.parse("2026-11-25T19:01:00Z");

		assertThat(this.tickets.claim(ticket.getId(), "kitchen-service:kitchen-2", at)).isEqualTo(1);
		assertThat(this.tickets.claim(ticket.getId(), "kitchen-service:kitchen-3", at)).isZero();

		Ticket claimed = this.tickets.findById(ticket.getId()).orElseThrow();
		assertThat(claimed.getStatus()).isEqualTo(TicketStatus.PREPARING);
		assertThat(claimed.getPreparedBy()).isEqualTo("kitchen-service:kitchen-2");
		assertThat(claimed.getStartedAt()).isEqualTo(at);
		assertThat(version(ticket)).isEqualTo(1);
	}

	@Test
	void doesNotClaimACancelledTicket() {
		Ticket ticket = this.tickets.saveAndFlush(Tickets.cancelled());

		assertThat(this.tickets.claim(ticket.getId(), Tickets.KITCHEN_1, Tickets.STARTED)).isZero();
		assertThat(this.tickets.findById(ticket.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.CANCELLED);
	}

	@Test
	void finishesATicketOnlyForTheCookPreparingIt() {
		Ticket ticket = this.tickets.saveAndFlush(Tickets.preparing());

		assertThat(this.tickets.finish(ticket.getId(), "kitchen-service:kitchen-2", Tickets.READY)).isZero();
		assertThat(this.tickets.finish(ticket.getId(), Tickets.KITCHEN_1, Tickets.READY)).isEqualTo(1);
		assertThat(this.tickets.finish(ticket.getId(), Tickets.KITCHEN_1, Tickets.READY)).isZero();

		Ticket ready = this.tickets.findById(ticket.getId()).orElseThrow();
		assertThat(ready.getStatus()).isEqualTo(TicketStatus.READY);
		assertThat(ready.getReadyAt()).isEqualTo(Tickets.READY);
		assertThat(ready.getPreparedBy()).isEqualTo(Tickets.KITCHEN_1);
	}

	@Test
	void countsPreparedAndInProgressTicketsPerReplica() {
		this.tickets.save(Tickets.ready());
		this.tickets.save(Tickets.ready());
		this.tickets.save(Tickets.preparing());
		this.tickets.save(Tickets.queued());
		this.tickets.flush();

		assertThat(this.tickets.countByPreparer()).containsExactlyInAnyOrder(
				new PreparerCount(Tickets.KITCHEN_1, TicketStatus.READY, 2L),
				new PreparerCount(Tickets.KITCHEN_1, TicketStatus.PREPARING, 1L));
	}

	@Test
	void migrationCreatesTheOutboxTable() {
		assertThat(this.jdbc.queryForObject("select count(*) from event_publication", Long.class)).isZero();
	}

	private long version(Ticket ticket) {
		return this.jdbc.queryForObject("select version from ticket where id = ?", Long.class, ticket.getId());
	}

}
