package org.example.restaurant.kitchen.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link TicketDesk}, what the API does to tickets, with several threads racing like
 * requests reaching several replicas at once. Cooks claim through {@link TicketLeases} in
 * between, as in production.
 */
class TicketDeskTests extends AbstractTicketDatabaseTests {

	static final int SENDERS = 8;

	@Test
	void theSameOrderArrivingManyTimesAtOnceMakesOneTicket() throws Exception {
		UUID orderId = UUID.randomUUID();
		ConcurrentLinkedQueue<TicketDesk.Received> answers = new ConcurrentLinkedQueue<>();
		CountDownLatch go = new CountDownLatch(1);
		List<Callable<Void>> senders = new ArrayList<>();
		for (int i = 0; i < SENDERS; i++) {
			senders.add(() -> {
				go.await();
				answers.add(this.desk.receive(Tickets.request(orderId)));
				return null;
			});
		}

		Races.runAtOnce(senders, go);

		assertThat(answers).hasSize(SENDERS);
		assertThat(answers).filteredOn(TicketDesk.Received::created).hasSize(1);
		assertThat(answers).extracting((received) -> received.ticket().getId())
			.containsOnly(this.tickets.findByOrderId(orderId).orElseThrow().getId());
		assertThat(this.tickets.count()).isEqualTo(1);
	}

	@Test
	void receivesANewOrderAsAQueuedTicket() {
		UUID orderId = UUID.randomUUID();

		TicketDesk.Received received = this.desk.receive(Tickets.request(orderId));

		assertThat(received.created()).isTrue();
		Ticket stored = this.tickets.findByOrderId(orderId).orElseThrow();
		assertThat(stored.getStatus()).isEqualTo(TicketStatus.QUEUED);
		assertThat(stored.getItems()).hasSize(2);
		assertThat(stored.getReceivedAt()).isEqualTo(received.ticket().getReceivedAt());
		assertThat(this.desk.receive(Tickets.request(orderId)).created()).isFalse();
	}

	@Test
	void aPersonStartsATicketOnThisReplica() {
		Ticket queued = this.tickets.save(Tickets.queued());

		Ticket started = this.desk.start(queued.getId());

		assertThat(started.getStatus()).isEqualTo(TicketStatus.PREPARING);
		assertThat(started.getPreparedBy()).isEqualTo("kitchen-service:local");
		assertThat(this.tickets.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.PREPARING);
		assertThat(this.events.stream(TicketStarted.class)).containsExactly(new TicketStarted(queued.getId(),
				queued.getOrderId(), "kitchen-service:local", started.getStartedAt(), queued.getReceivedAt(), null));
	}

	@Test
	void refusesToStartATicketTwiceAndPublishesNothingTheSecondTime() {
		Ticket queued = this.tickets.save(Tickets.queued());
		this.desk.start(queued.getId());

		assertThatExceptionOfType(TicketNotQueued.class).isThrownBy(() -> this.desk.start(queued.getId()));
		assertThat(this.events.stream(TicketStarted.class)).hasSize(1);
	}

	@Test
	void refusesToMarkAnUnknownTicketReady() {
		assertThatExceptionOfType(TicketNotFound.class).isThrownBy(() -> this.desk.markReady(UUID.randomUUID()));
	}

	@Test
	void cancelsAQueuedTicketAndAnswersARepeatWithTheCancelledTicket() {
		Ticket queued = this.tickets.save(Tickets.queued());

		assertThat(this.desk.cancelForOrder(queued.getOrderId()).getStatus()).isEqualTo(TicketStatus.CANCELLED);
		Ticket again = this.desk.cancelForOrder(queued.getOrderId());

		assertThat(again.getId()).isEqualTo(queued.getId());
		assertThat(again.getStatus()).isEqualTo(TicketStatus.CANCELLED);
		assertThat(this.tickets.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.CANCELLED);
		assertThat(this.leases.claimNext(KITCHEN_2, LEASE)).isEmpty();
	}

	@Test
	void refusesToCancelATicketACookStartedOrFinished() {
		Ticket preparing = this.tickets.save(Tickets.preparing());
		Ticket ready = this.tickets.save(Tickets.ready());

		assertThatExceptionOfType(TicketNotQueued.class)
			.isThrownBy(() -> this.desk.cancelForOrder(preparing.getOrderId()));
		assertThatExceptionOfType(TicketNotQueued.class).isThrownBy(() -> this.desk.cancelForOrder(ready.getOrderId()));
		assertThat(this.tickets.findById(preparing.getId()).orElseThrow().getStatus())
			.isEqualTo(TicketStatus.PREPARING);
		assertThat(this.tickets.findById(ready.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.READY);
	}

	@Test
	void refusesToCancelATicketACookClaimed() {
		Ticket queued = this.tickets.save(Tickets.queued());
		this.leases.claimNext(KITCHEN_2, LEASE).orElseThrow();

		assertThatExceptionOfType(TicketNotQueued.class)
			.isThrownBy(() -> this.desk.cancelForOrder(queued.getOrderId()));
		assertThat(this.tickets.findById(queued.getId()).orElseThrow().getStatus()).isEqualTo(TicketStatus.PREPARING);
	}

	@Test
	void recordsTheCancellationOfAnOrderWhoseTicketHasNotArrivedSoThatItIsNeverCooked() {
		UUID orderId = UUID.randomUUID();

		Ticket tombstone = this.desk.cancelForOrder(orderId);
		TicketDesk.Received late = this.desk.receive(Tickets.request(orderId));

		assertThat(tombstone.getStatus()).isEqualTo(TicketStatus.CANCELLED);
		assertThat(tombstone.getOrderId()).isEqualTo(orderId);
		assertThat(late.created()).isFalse();
		assertThat(late.ticket().getId()).isEqualTo(tombstone.getId());
		assertThat(late.ticket().getStatus()).isEqualTo(TicketStatus.CANCELLED);
		assertThat(this.desk.cancelForOrder(orderId).getId()).isEqualTo(tombstone.getId());
		assertThat(this.leases.claimNext(KITCHEN_2, LEASE)).isEmpty();
		assertThat(this.events.stream(TicketStarted.class)).isEmpty();
	}

}
